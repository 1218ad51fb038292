# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_RecordsPage(object):
    def setupUi(self, RecordsPage):
        if not RecordsPage.objectName():
            RecordsPage.setObjectName(u"RecordsPage")
        RecordsPage.resize(900, 500)
        self.records_page_layout = QVBoxLayout(RecordsPage)
        self.records_page_layout.setObjectName(u"records_page_layout")
        self.filters_row = QHBoxLayout()
        self.filters_row.setObjectName(u"filters_row")
        self.records_title = QLabel(RecordsPage)
        self.records_title.setObjectName(u"records_title")
        self.records_title.setStyleSheet(u"font-size: 18px; font-weight: bold;")

        self.filters_row.addWidget(self.records_title)

        self.filters_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters_row.addItem(self.filters_spacer)

        self.kind_filter_label = QLabel(RecordsPage)
        self.kind_filter_label.setObjectName(u"kind_filter_label")

        self.filters_row.addWidget(self.kind_filter_label)

        self.kind_filter = QComboBox(RecordsPage)
        self.kind_filter.setObjectName(u"kind_filter")

        self.filters_row.addWidget(self.kind_filter)

        self.status_filter_label = QLabel(RecordsPage)
        self.status_filter_label.setObjectName(u"status_filter_label")

        self.filters_row.addWidget(self.status_filter_label)

        self.status_filter = QComboBox(RecordsPage)
        self.status_filter.setObjectName(u"status_filter")

        self.filters_row.addWidget(self.status_filter)


        self.records_page_layout.addLayout(self.filters_row)

        self.records_view = QTableView(RecordsPage)
        self.records_view.setObjectName(u"records_view")
        self.records_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records_view.setAlternatingRowColors(True)
        self.records_view.setSortingEnabled(True)

        self.records_page_layout.addWidget(self.records_view)

        self.records_buttons = QHBoxLayout()
        self.records_buttons.setObjectName(u"records_buttons")
        self.reprint_receipt = QPushButton(RecordsPage)
        self.reprint_receipt.setObjectName(u"reprint_receipt")

        self.records_buttons.addWidget(self.reprint_receipt)

        self.reprint_form = QPushButton(RecordsPage)
        self.reprint_form.setObjectName(u"reprint_form")

        self.records_buttons.addWidget(self.reprint_form)

        self.print_archive_cover = QPushButton(RecordsPage)
        self.print_archive_cover.setObjectName(u"print_archive_cover")

        self.records_buttons.addWidget(self.print_archive_cover)

        self.records_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.records_buttons.addItem(self.records_spacer)

        self.records_count = QLabel(RecordsPage)
        self.records_count.setObjectName(u"records_count")

        self.records_buttons.addWidget(self.records_count)


        self.records_page_layout.addLayout(self.records_buttons)

#if QT_CONFIG(shortcut)
        self.kind_filter_label.setBuddy(self.kind_filter)
        self.status_filter_label.setBuddy(self.status_filter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordsPage)

        QMetaObject.connectSlotsByName(RecordsPage)
    # setupUi

    def retranslateUi(self, RecordsPage):
        self.records_title.setText(QCoreApplication.translate("RecordsPage", u"\u53d7\u7406\u8bb0\u5f55\u67e5\u8be2", None))
        self.kind_filter_label.setText(QCoreApplication.translate("RecordsPage", u"\u4e1a\u52a1(&K)", None))
#if QT_CONFIG(accessibility)
        self.kind_filter.setAccessibleName(QCoreApplication.translate("RecordsPage", u"\u6309\u4e1a\u52a1\u7b5b\u9009", None))
#endif // QT_CONFIG(accessibility)
        self.status_filter_label.setText(QCoreApplication.translate("RecordsPage", u"\u72b6\u6001(&S)", None))
#if QT_CONFIG(accessibility)
        self.status_filter.setAccessibleName(QCoreApplication.translate("RecordsPage", u"\u6309\u72b6\u6001\u7b5b\u9009", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.records_view.setAccessibleName(QCoreApplication.translate("RecordsPage", u"\u53d7\u7406\u8bb0\u5f55", None))
#endif // QT_CONFIG(accessibility)
        self.reprint_receipt.setText(QCoreApplication.translate("RecordsPage", u"\u8865\u6253\u53d7\u7406\u56de\u6267(&R)", None))
        self.reprint_form.setText(QCoreApplication.translate("RecordsPage", u"\u6253\u5370\u7533\u8bf7\u8868(&A)", None))
        self.print_archive_cover.setText(QCoreApplication.translate("RecordsPage", u"\u6253\u5370\u6863\u6848\u5c01\u9762(&V)", None))
#if QT_CONFIG(tooltip)
        self.print_archive_cover.setToolTip(QCoreApplication.translate("RecordsPage", u"\u6240\u9009\u4e1a\u52a1\u7684\u6863\u6848\u5c01\u9762\uff1a\u6750\u6599\u3001\u9875\u6570\u548c\u9644\u4ef6\u7684 SHA-256 \u76ee\u5f55\uff08Ctrl+Shift+A\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.print_archive_cover.setAccessibleName(QCoreApplication.translate("RecordsPage", u"\u6253\u5370\u6240\u9009\u4e1a\u52a1\u7684\u6863\u6848\u5c01\u9762", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

