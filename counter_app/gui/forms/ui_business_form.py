# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'business_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget

class Ui_BusinessForm(object):
    def setupUi(self, BusinessForm):
        if not BusinessForm.objectName():
            BusinessForm.setObjectName(u"BusinessForm")
        BusinessForm.resize(1100, 640)
        self.form_layout = QVBoxLayout(BusinessForm)
        self.form_layout.setSpacing(4)
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.header_row = QHBoxLayout()
        self.header_row.setObjectName(u"header_row")
        self.title_label = QLabel(BusinessForm)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 18px; font-weight: bold;")

        self.header_row.addWidget(self.title_label)

        self.subject_label = QLabel(BusinessForm)
        self.subject_label.setObjectName(u"subject_label")
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_row.addWidget(self.subject_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_row.addItem(self.header_spacer)

        self.keys_hint = QLabel(BusinessForm)
        self.keys_hint.setObjectName(u"keys_hint")
        self.keys_hint.setStyleSheet(u"color: #666;")

        self.header_row.addWidget(self.keys_hint)


        self.form_layout.addLayout(self.header_row)

        self.draft_banner = QLabel(BusinessForm)
        self.draft_banner.setObjectName(u"draft_banner")
        self.draft_banner.setVisible(False)
        self.draft_banner.setWordWrap(True)
        self.draft_banner.setStyleSheet(u"background: #fff8e1; border: 1px solid #ffcc80; padding: 4px;")

        self.form_layout.addWidget(self.draft_banner)

        self.form_stack = QStackedWidget(BusinessForm)
        self.form_stack.setObjectName(u"form_stack")
        self.entry_page = QWidget()
        self.entry_page.setObjectName(u"entry_page")
        self.entry_layout = QHBoxLayout(self.entry_page)
        self.entry_layout.setObjectName(u"entry_layout")
        self.entry_layout.setContentsMargins(0, 0, 0, 0)
        self.fields_area = QScrollArea(self.entry_page)
        self.fields_area.setObjectName(u"fields_area")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_host = QWidget()
        self.fields_host.setObjectName(u"fields_host")
        self.fields_layout = QVBoxLayout(self.fields_host)
        self.fields_layout.setObjectName(u"fields_layout")
        self.fields_layout.setContentsMargins(0, 0, 4, 0)
        self.fields_area.setWidget(self.fields_host)

        self.entry_layout.addWidget(self.fields_area)

        self.side_area = QScrollArea(self.entry_page)
        self.side_area.setObjectName(u"side_area")
        self.side_area.setWidgetResizable(True)
        self.side_area.setFrameShape(QFrame.Shape.NoFrame)
        self.side_area.setMinimumSize(QSize(330, 0))
        self.side_area.setMaximumSize(QSize(560, 16777215))
        self.side_panel = QWidget()
        self.side_panel.setObjectName(u"side_panel")
        self.side_layout = QVBoxLayout(self.side_panel)
        self.side_layout.setObjectName(u"side_layout")
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.materials_box = QGroupBox(self.side_panel)
        self.materials_box.setObjectName(u"materials_box")
        self.materials_layout = QVBoxLayout(self.materials_box)
        self.materials_layout.setObjectName(u"materials_layout")
        self.materials_hint = QLabel(self.materials_box)
        self.materials_hint.setObjectName(u"materials_hint")
        self.materials_hint.setWordWrap(True)

        self.materials_layout.addWidget(self.materials_hint)

        self.print_notice = QPushButton(self.materials_box)
        self.print_notice.setObjectName(u"print_notice")

        self.materials_layout.addWidget(self.print_notice)


        self.side_layout.addWidget(self.materials_box)

        self.side_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.side_layout.addItem(self.side_spacer)

        self.side_area.setWidget(self.side_panel)

        self.entry_layout.addWidget(self.side_area)

        self.form_stack.addWidget(self.entry_page)
        self.done_page = QWidget()
        self.done_page.setObjectName(u"done_page")
        self.done_layout = QVBoxLayout(self.done_page)
        self.done_layout.setObjectName(u"done_layout")
        self.done_title = QLabel(self.done_page)
        self.done_title.setObjectName(u"done_title")
        self.done_title.setStyleSheet(u"font-size: 20px; font-weight: bold; color: #2e7d32;")

        self.done_layout.addWidget(self.done_title)

        self.receipt_row = QHBoxLayout()
        self.receipt_row.setObjectName(u"receipt_row")
        self.receipt_caption = QLabel(self.done_page)
        self.receipt_caption.setObjectName(u"receipt_caption")

        self.receipt_row.addWidget(self.receipt_caption)

        self.receipt_number = QLabel(self.done_page)
        self.receipt_number.setObjectName(u"receipt_number")
        self.receipt_number.setStyleSheet(u"font-size: 20px; font-family: monospace;")
        self.receipt_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.receipt_row.addWidget(self.receipt_number)

        self.receipt_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.receipt_row.addItem(self.receipt_spacer)


        self.done_layout.addLayout(self.receipt_row)

        self.done_details = QLabel(self.done_page)
        self.done_details.setObjectName(u"done_details")
        self.done_details.setWordWrap(True)
        self.done_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.done_layout.addWidget(self.done_details)

        self.done_buttons = QHBoxLayout()
        self.done_buttons.setObjectName(u"done_buttons")
        self.print_receipt = QPushButton(self.done_page)
        self.print_receipt.setObjectName(u"print_receipt")

        self.done_buttons.addWidget(self.print_receipt)

        self.print_form = QPushButton(self.done_page)
        self.print_form.setObjectName(u"print_form")

        self.done_buttons.addWidget(self.print_form)

        self.next_client = QPushButton(self.done_page)
        self.next_client.setObjectName(u"next_client")

        self.done_buttons.addWidget(self.next_client)

        self.next_same_employer = QPushButton(self.done_page)
        self.next_same_employer.setObjectName(u"next_same_employer")

        self.done_buttons.addWidget(self.next_same_employer)

        self.done_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.done_buttons.addItem(self.done_spacer)


        self.done_layout.addLayout(self.done_buttons)

        self.done_vspacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.done_layout.addItem(self.done_vspacer)

        self.form_stack.addWidget(self.done_page)

        self.form_layout.addWidget(self.form_stack)

        self.bottom_bar = QFrame(BusinessForm)
        self.bottom_bar.setObjectName(u"bottom_bar")
        self.bottom_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.bottom_layout = QHBoxLayout(self.bottom_bar)
        self.bottom_layout.setObjectName(u"bottom_layout")
        self.bottom_layout.setContentsMargins(-1, 4, -1, 4)
        self.missing_label = QLabel(self.bottom_bar)
        self.missing_label.setObjectName(u"missing_label")
        self.missing_label.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.missing_label.sizePolicy().hasHeightForWidth())
        self.missing_label.setSizePolicy(sizePolicy)

        self.bottom_layout.addWidget(self.missing_label)

        self.cancel = QPushButton(self.bottom_bar)
        self.cancel.setObjectName(u"cancel")
        self.cancel.setAutoDefault(False)
        self.cancel.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.bottom_layout.addWidget(self.cancel)

        self.submit = QPushButton(self.bottom_bar)
        self.submit.setObjectName(u"submit")
        self.submit.setAutoDefault(False)

        self.bottom_layout.addWidget(self.submit)


        self.form_layout.addWidget(self.bottom_bar)


        self.retranslateUi(BusinessForm)

        self.next_client.setDefault(True)


        QMetaObject.connectSlotsByName(BusinessForm)
    # setupUi

    def retranslateUi(self, BusinessForm):
        self.keys_hint.setText(QCoreApplication.translate("BusinessForm", u"Enter \u4e0b\u4e00\u9879 \u00b7 Ctrl+Enter \u63d0\u4ea4 \u00b7 Esc \u53d6\u6d88", None))
        self.materials_box.setTitle(QCoreApplication.translate("BusinessForm", u"\u6750\u6599\u6e05\u5355\uff08\u4e00\u6b21\u6027\u544a\u77e5\uff09", None))
        self.materials_hint.setText(QCoreApplication.translate("BusinessForm", u"\u52fe\u9009\u5df2\u6536\u5230\u7684\u6750\u6599\uff1a\u7a7a\u683c \u52fe\u9009\u5f53\u524d\u9879 \u00b7 1\u20139 \u52fe\u9009\u7b2cN\u9879 \u00b7 A \u5168\u90e8\u6536\u9f50\uff08\u5728\u4efb\u4e00\u9879\u6309 F7 \u4ea6\u53ef\uff09", None))
        self.print_notice.setText(QCoreApplication.translate("BusinessForm", u"\u6253\u5370\u4e00\u6b21\u6027\u544a\u77e5\u5355(&N)", None))
#if QT_CONFIG(tooltip)
        self.print_notice.setToolTip(QCoreApplication.translate("BusinessForm", u"\u628a\u5c1a\u7f3a\u7684\u6750\u6599\u4e00\u6b21\u6027\u544a\u77e5\u7533\u8bf7\u4eba\uff08Ctrl+N\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.done_title.setText(QCoreApplication.translate("BusinessForm", u"\u53d7\u7406\u6210\u529f", None))
        self.receipt_caption.setText(QCoreApplication.translate("BusinessForm", u"\u53d7\u7406\u56de\u6267\u7f16\u53f7\uff1a", None))
#if QT_CONFIG(accessibility)
        self.receipt_number.setAccessibleName(QCoreApplication.translate("BusinessForm", u"\u53d7\u7406\u56de\u6267\u7f16\u53f7", None))
#endif // QT_CONFIG(accessibility)
        self.print_receipt.setText(QCoreApplication.translate("BusinessForm", u"\u6253\u5370\u53d7\u7406\u56de\u6267(&R)", None))
        self.print_form.setText(QCoreApplication.translate("BusinessForm", u"\u6253\u5370\u7533\u8bf7\u8868(&A)", None))
        self.next_client.setText(QCoreApplication.translate("BusinessForm", u"\u529e\u7406\u4e0b\u4e00\u7b14(&X)", None))
        self.next_same_employer.setText(QCoreApplication.translate("BusinessForm", u"\u540c\u5355\u4f4d\u529e\u7406\u4e0b\u4e00\u7b14(&W)", None))
#if QT_CONFIG(tooltip)
        self.next_same_employer.setToolTip(QCoreApplication.translate("BusinessForm", u"\u4e0b\u4e00\u4f4d\u804c\u5de5\uff1a\u5355\u4f4d\u4fdd\u7559\uff08\u5355\u4f4d\u540d\u79f0\u548c\u7f34\u5b58\u6bd4\u4f8b\u968f\u4e4b\u586b\u5199\uff09\uff0c\u5176\u4f59\u5404\u9879\u6e05\u7a7a", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.missing_label.setAccessibleName(QCoreApplication.translate("BusinessForm", u"\u5c1a\u9700\u5904\u7406\u7684\u4e8b\u9879", None))
#endif // QT_CONFIG(accessibility)
        self.cancel.setText(QCoreApplication.translate("BusinessForm", u"\u53d6\u6d88 (Esc)", None))
        self.submit.setText(QCoreApplication.translate("BusinessForm", u"\u63d0\u4ea4\u53d7\u7406 (Ctrl+Enter)", None))
#if QT_CONFIG(accessibility)
        self.submit.setAccessibleName(QCoreApplication.translate("BusinessForm", u"\u63d0\u4ea4\u53d7\u7406", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

