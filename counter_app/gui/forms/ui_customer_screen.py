# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

class Ui_CustomerScreen(object):
    def setupUi(self, CustomerScreen):
        if not CustomerScreen.objectName():
            CustomerScreen.setObjectName(u"CustomerScreen")
        CustomerScreen.resize(1024, 600)
        CustomerScreen.setStyleSheet(u"QWidget#CustomerScreen { background: #f4f8fb; }\n"
"QLabel { font-size: 22px; }\n"
"QLabel#screen_title { font-size: 30px; font-weight: bold; color: #0d47a1; }\n"
"QLabel#screen_missing { color: #c62828; }\n"
"QPushButton { font-size: 24px; padding: 14px; min-width: 120px; }")
        self.screen_layout = QVBoxLayout(CustomerScreen)
        self.screen_layout.setObjectName(u"screen_layout")
        self.screen_title = QLabel(CustomerScreen)
        self.screen_title.setObjectName(u"screen_title")
        self.screen_title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.screen_layout.addWidget(self.screen_title)

        self.screen_pages = QStackedWidget(CustomerScreen)
        self.screen_pages.setObjectName(u"screen_pages")
        self.confirm_page = QWidget()
        self.confirm_page.setObjectName(u"confirm_page")
        self.confirm_layout = QFormLayout(self.confirm_page)
        self.confirm_layout.setObjectName(u"confirm_layout")
        self.business_label = QLabel(self.confirm_page)
        self.business_label.setObjectName(u"business_label")

        self.confirm_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.business_label)

        self.screen_business = QLabel(self.confirm_page)
        self.screen_business.setObjectName(u"screen_business")

        self.confirm_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.screen_business)

        self.name_label = QLabel(self.confirm_page)
        self.name_label.setObjectName(u"name_label")

        self.confirm_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.screen_name = QLabel(self.confirm_page)
        self.screen_name.setObjectName(u"screen_name")

        self.confirm_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.screen_name)

        self.id_label = QLabel(self.confirm_page)
        self.id_label.setObjectName(u"id_label")

        self.confirm_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.id_label)

        self.screen_id = QLabel(self.confirm_page)
        self.screen_id.setObjectName(u"screen_id")

        self.confirm_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.screen_id)

        self.amount_label = QLabel(self.confirm_page)
        self.amount_label.setObjectName(u"amount_label")

        self.confirm_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.screen_amount = QLabel(self.confirm_page)
        self.screen_amount.setObjectName(u"screen_amount")

        self.confirm_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.screen_amount)

        self.missing_label_title = QLabel(self.confirm_page)
        self.missing_label_title.setObjectName(u"missing_label_title")

        self.confirm_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.missing_label_title)

        self.screen_missing = QLabel(self.confirm_page)
        self.screen_missing.setObjectName(u"screen_missing")
        self.screen_missing.setWordWrap(True)

        self.confirm_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.screen_missing)

        self.screen_pages.addWidget(self.confirm_page)
        self.rating_page = QWidget()
        self.rating_page.setObjectName(u"rating_page")
        self.rating_layout = QVBoxLayout(self.rating_page)
        self.rating_layout.setObjectName(u"rating_layout")
        self.rating_prompt = QLabel(self.rating_page)
        self.rating_prompt.setObjectName(u"rating_prompt")
        self.rating_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.rating_layout.addWidget(self.rating_prompt)

        self.screen_receipt = QLabel(self.rating_page)
        self.screen_receipt.setObjectName(u"screen_receipt")
        self.screen_receipt.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.rating_layout.addWidget(self.screen_receipt)

        self.rating_buttons = QHBoxLayout()
        self.rating_buttons.setObjectName(u"rating_buttons")

        self.rating_layout.addLayout(self.rating_buttons)

        self.rating_thanks = QLabel(self.rating_page)
        self.rating_thanks.setObjectName(u"rating_thanks")
        self.rating_thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.rating_layout.addWidget(self.rating_thanks)

        self.screen_pages.addWidget(self.rating_page)

        self.screen_layout.addWidget(self.screen_pages)


        self.retranslateUi(CustomerScreen)

        QMetaObject.connectSlotsByName(CustomerScreen)
    # setupUi

    def retranslateUi(self, CustomerScreen):
        CustomerScreen.setWindowTitle(QCoreApplication.translate("CustomerScreen", u"\u8bf7\u60a8\u6838\u5bf9 \u00b7 \u670d\u52a1\u8bc4\u4ef7", None))
        self.screen_title.setText(QCoreApplication.translate("CustomerScreen", u"\u6b22\u8fce\u529e\u7406\u4f4f\u623f\u516c\u79ef\u91d1\u4e1a\u52a1", None))
        self.business_label.setText(QCoreApplication.translate("CustomerScreen", u"\u529e\u7406\u4e1a\u52a1", None))
        self.name_label.setText(QCoreApplication.translate("CustomerScreen", u"\u59d3\u540d/\u5355\u4f4d", None))
        self.id_label.setText(QCoreApplication.translate("CustomerScreen", u"\u8bc1\u4ef6\u53f7\u7801", None))
        self.amount_label.setText(QCoreApplication.translate("CustomerScreen", u"\u91d1\u989d", None))
        self.missing_label_title.setText(QCoreApplication.translate("CustomerScreen", u"\u5c1a\u7f3a\u6750\u6599", None))
        self.rating_prompt.setText(QCoreApplication.translate("CustomerScreen", u"\u4e1a\u52a1\u5df2\u53d7\u7406\uff0c\u8bf7\u5bf9\u672c\u6b21\u670d\u52a1\u8fdb\u884c\u8bc4\u4ef7", None))
    # retranslateUi

