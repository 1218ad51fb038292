"""Python forms compiled from ui/*.ui by build_ui (do not edit)."""
