# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'station_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QTextBrowser, QVBoxLayout

class Ui_StationPage(object):
    def setupUi(self, StationPage):
        if not StationPage.objectName():
            StationPage.setObjectName(u"StationPage")
        StationPage.resize(900, 560)
        self.station_page_layout = QVBoxLayout(StationPage)
        self.station_page_layout.setObjectName(u"station_page_layout")
        self.filters_row = QHBoxLayout()
        self.filters_row.setObjectName(u"filters_row")
        self.page_title = QLabel(StationPage)
        self.page_title.setObjectName(u"page_title")
        self.page_title.setStyleSheet(u"font-size: 18px; font-weight: bold;")

        self.filters_row.addWidget(self.page_title)

        self.page_summary = QLabel(StationPage)
        self.page_summary.setObjectName(u"page_summary")

        self.filters_row.addWidget(self.page_summary)

        self.filters_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters_row.addItem(self.filters_spacer)


        self.station_page_layout.addLayout(self.filters_row)

        self.page_splitter = QSplitter(StationPage)
        self.page_splitter.setObjectName(u"page_splitter")
        self.page_splitter.setOrientation(Qt.Orientation.Vertical)
        self.page_splitter.setChildrenCollapsible(False)
        self.rows_view = QTableView(self.page_splitter)
        self.rows_view.setObjectName(u"rows_view")
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows_view.setAlternatingRowColors(True)
        self.rows_view.setSortingEnabled(True)
        self.page_splitter.addWidget(self.rows_view)
        self.details = QTextBrowser(self.page_splitter)
        self.details.setObjectName(u"details")
        self.details.setOpenExternalLinks(False)
        self.page_splitter.addWidget(self.details)

        self.station_page_layout.addWidget(self.page_splitter)

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_row.addItem(self.buttons_spacer)

        self.export_rows = QPushButton(StationPage)
        self.export_rows.setObjectName(u"export_rows")

        self.buttons_row.addWidget(self.export_rows)

        self.rows_count = QLabel(StationPage)
        self.rows_count.setObjectName(u"rows_count")

        self.buttons_row.addWidget(self.rows_count)


        self.station_page_layout.addLayout(self.buttons_row)


        self.retranslateUi(StationPage)

        QMetaObject.connectSlotsByName(StationPage)
    # setupUi

    def retranslateUi(self, StationPage):
#if QT_CONFIG(accessibility)
        self.details.setAccessibleName(QCoreApplication.translate("StationPage", u"\u8be6\u7ec6\u60c5\u51b5", None))
#endif // QT_CONFIG(accessibility)
        self.export_rows.setText(QCoreApplication.translate("StationPage", u"\u5bfc\u51fa\u8868\u683c(&E)", None))
#if QT_CONFIG(tooltip)
        self.export_rows.setToolTip(QCoreApplication.translate("StationPage", u"\u628a\u4e0a\u8868\u5bfc\u51fa\u4e3a Excel\uff08XLSX\uff09\u6216 CSV \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

