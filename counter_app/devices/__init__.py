"""Devices at the counter (ID card readers): drivers and the data they return, free of business rules."""
