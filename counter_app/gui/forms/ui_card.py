# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'card.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QTableView, QVBoxLayout

class Ui_Card(object):
    def setupUi(self, Card):
        if not Card.objectName():
            Card.setObjectName(u"Card")
        Card.resize(900, 560)
        self.card_main_layout = QVBoxLayout(Card)
        self.card_main_layout.setObjectName(u"card_main_layout")
        self.card_title = QLabel(Card)
        self.card_title.setObjectName(u"card_title")
        self.card_title.setStyleSheet(u"font-size: 20px; font-weight: bold;")
        self.card_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.card_main_layout.addWidget(self.card_title)

        self.card_summary = QLabel(Card)
        self.card_summary.setObjectName(u"card_summary")
        self.card_summary.setWordWrap(True)
        self.card_summary.setTextFormat(Qt.TextFormat.RichText)
        self.card_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.card_main_layout.addWidget(self.card_summary)

        self.card_actions = QHBoxLayout()
        self.card_actions.setObjectName(u"card_actions")
        self.card_actions_label = QLabel(Card)
        self.card_actions_label.setObjectName(u"card_actions_label")

        self.card_actions.addWidget(self.card_actions_label)


        self.card_main_layout.addLayout(self.card_actions)

        self.card_first_label = QLabel(Card)
        self.card_first_label.setObjectName(u"card_first_label")

        self.card_main_layout.addWidget(self.card_first_label)

        self.card_first_table = QTableView(Card)
        self.card_first_table.setObjectName(u"card_first_table")
        self.card_first_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.card_first_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.card_first_table.setMaximumSize(QSize(16777215, 150))

        self.card_main_layout.addWidget(self.card_first_table)

        self.card_applications_label = QLabel(Card)
        self.card_applications_label.setObjectName(u"card_applications_label")

        self.card_main_layout.addWidget(self.card_applications_label)

        self.card_applications = QTableView(Card)
        self.card_applications.setObjectName(u"card_applications")
        self.card_applications.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.card_applications.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.card_applications.setAlternatingRowColors(True)

        self.card_main_layout.addWidget(self.card_applications)

#if QT_CONFIG(shortcut)
        self.card_first_label.setBuddy(self.card_first_table)
        self.card_applications_label.setBuddy(self.card_applications)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(Card)

        QMetaObject.connectSlotsByName(Card)
    # setupUi

    def retranslateUi(self, Card):
        self.card_actions_label.setText(QCoreApplication.translate("Card", u"\u4e3a\u5176\u529e\u7406\uff1a", None))
        self.card_applications_label.setText(QCoreApplication.translate("Card", u"\u8fd1\u671f\u7533\u8bf7\u53ca\u4e2d\u5fc3\u610f\u89c1", None))
#if QT_CONFIG(accessibility)
        self.card_applications.setAccessibleName(QCoreApplication.translate("Card", u"\u8fd1\u671f\u7533\u8bf7\u53ca\u4e2d\u5fc3\u610f\u89c1", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

