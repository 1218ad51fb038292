# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'credentials.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

class Ui_Credentials(object):
    def setupUi(self, Credentials):
        if not Credentials.objectName():
            Credentials.setObjectName(u"Credentials")
        Credentials.resize(380, 110)
        self.credentials_layout = QFormLayout(Credentials)
        self.credentials_layout.setObjectName(u"credentials_layout")
        self.credentials_layout.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(Credentials)
        self.name_label.setObjectName(u"name_label")

        self.credentials_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.username = QLineEdit(Credentials)
        self.username.setObjectName(u"username")
        self.username.setMinimumSize(QSize(260, 0))

        self.credentials_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.password_label = QLabel(Credentials)
        self.password_label.setObjectName(u"password_label")

        self.credentials_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(Credentials)
        self.password.setObjectName(u"password")
        self.password.setMinimumSize(QSize(260, 0))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentials_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)

        self.message = QLabel(Credentials)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setProperty(u"severity", u"error")

        self.credentials_layout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.message)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)

        self.retranslateUi(Credentials)

        QMetaObject.connectSlotsByName(Credentials)
    # setupUi

    def retranslateUi(self, Credentials):
        self.name_label.setText(QCoreApplication.translate("Credentials", u"\u767b\u5f55\u540d", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("Credentials", u"\u767b\u5f55\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("Credentials", u"\u5bc6\u7801", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("Credentials", u"\u5bc6\u7801", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

