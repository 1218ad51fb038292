# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

from counter_app.gui.credentials import Credentials

class Ui_LoginDialog(object):
    def setupUi(self, login_dialog):
        if not login_dialog.objectName():
            login_dialog.setObjectName(u"login_dialog")
        login_dialog.resize(440, 250)
        self.login_layout = QVBoxLayout(login_dialog)
        self.login_layout.setObjectName(u"login_layout")
        self.login_layout.setContentsMargins(28, 24, 28, 20)
        self.login_title = QLabel(login_dialog)
        self.login_title.setObjectName(u"login_title")
        self.login_title.setStyleSheet(u"font-size: 20px; font-weight: bold;")

        self.login_layout.addWidget(self.login_title)

        self.login_station = QLabel(login_dialog)
        self.login_station.setObjectName(u"login_station")
        self.login_station.setStyleSheet(u"color: #555;")

        self.login_layout.addWidget(self.login_station)

        self.login_gap = QSpacerItem(0, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.login_layout.addItem(self.login_gap)

        self.credentials = Credentials(login_dialog)
        self.credentials.setObjectName(u"credentials")

        self.login_layout.addWidget(self.credentials)

        self.login_buttons = QHBoxLayout()
        self.login_buttons.setObjectName(u"login_buttons")
        self.login_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.login_buttons.addItem(self.login_buttons_spacer)

        self.login_button = QPushButton(login_dialog)
        self.login_button.setObjectName(u"login_button")

        self.login_buttons.addWidget(self.login_button)

        self.login_quit = QPushButton(login_dialog)
        self.login_quit.setObjectName(u"login_quit")
        self.login_quit.setAutoDefault(False)

        self.login_buttons.addWidget(self.login_quit)


        self.login_layout.addLayout(self.login_buttons)


        self.retranslateUi(login_dialog)
        self.login_quit.clicked.connect(login_dialog.reject)

        self.login_button.setDefault(True)


        QMetaObject.connectSlotsByName(login_dialog)
    # setupUi

    def retranslateUi(self, login_dialog):
        login_dialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"\u67dc\u5458\u767b\u5f55 \u2014 counter-app", None))
        self.login_title.setText(QCoreApplication.translate("LoginDialog", u"\u4f4f\u623f\u516c\u79ef\u91d1\u670d\u52a1\u7ad9\u7a97\u53e3\u7cfb\u7edf", None))
        self.login_button.setText(QCoreApplication.translate("LoginDialog", u"\u767b\u5f55", None))
        self.login_quit.setText(QCoreApplication.translate("LoginDialog", u"\u9000\u51fa", None))
    # retranslateUi

