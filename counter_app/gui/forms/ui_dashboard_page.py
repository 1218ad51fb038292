# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(1000, 640)
        self.dashboard_layout = QVBoxLayout(DashboardPage)
        self.dashboard_layout.setObjectName(u"dashboard_layout")
        self.dashboard_title_row = QHBoxLayout()
        self.dashboard_title_row.setObjectName(u"dashboard_title_row")
        self.dashboard_title = QLabel(DashboardPage)
        self.dashboard_title.setObjectName(u"dashboard_title")
        self.dashboard_title.setStyleSheet(u"font-size: 18px; font-weight: bold;")

        self.dashboard_title_row.addWidget(self.dashboard_title)

        self.dashboard_as_of = QLabel(DashboardPage)
        self.dashboard_as_of.setObjectName(u"dashboard_as_of")

        self.dashboard_title_row.addWidget(self.dashboard_as_of)

        self.dashboard_title_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dashboard_title_row.addItem(self.dashboard_title_spacer)

        self.dashboard_refresh = QPushButton(DashboardPage)
        self.dashboard_refresh.setObjectName(u"dashboard_refresh")

        self.dashboard_title_row.addWidget(self.dashboard_refresh)

        self.dashboard_export = QPushButton(DashboardPage)
        self.dashboard_export.setObjectName(u"dashboard_export")

        self.dashboard_title_row.addWidget(self.dashboard_export)


        self.dashboard_layout.addLayout(self.dashboard_title_row)

        self.kpi_row = QHBoxLayout()
        self.kpi_row.setObjectName(u"kpi_row")
        self.kpi_coverage = QLabel(DashboardPage)
        self.kpi_coverage.setObjectName(u"kpi_coverage")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.kpi_coverage.sizePolicy().hasHeightForWidth())
        self.kpi_coverage.setSizePolicy(sizePolicy)
        self.kpi_coverage.setStyleSheet(u"QLabel { border: 1px solid #b0bec5; border-radius: 6px; padding: 8px; background: #f5f9fc; font-size: 15px; }")
        self.kpi_coverage.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.kpi_row.addWidget(self.kpi_coverage)

        self.kpi_waiting = QLabel(DashboardPage)
        self.kpi_waiting.setObjectName(u"kpi_waiting")
        sizePolicy.setHeightForWidth(self.kpi_waiting.sizePolicy().hasHeightForWidth())
        self.kpi_waiting.setSizePolicy(sizePolicy)
        self.kpi_waiting.setStyleSheet(u"QLabel { border: 1px solid #b0bec5; border-radius: 6px; padding: 8px; background: #f5f9fc; font-size: 15px; }")
        self.kpi_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.kpi_row.addWidget(self.kpi_waiting)

        self.kpi_cases = QLabel(DashboardPage)
        self.kpi_cases.setObjectName(u"kpi_cases")
        sizePolicy.setHeightForWidth(self.kpi_cases.sizePolicy().hasHeightForWidth())
        self.kpi_cases.setSizePolicy(sizePolicy)
        self.kpi_cases.setStyleSheet(u"QLabel { border: 1px solid #b0bec5; border-radius: 6px; padding: 8px; background: #f5f9fc; font-size: 15px; }")
        self.kpi_cases.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.kpi_row.addWidget(self.kpi_cases)

        self.kpi_complaints = QLabel(DashboardPage)
        self.kpi_complaints.setObjectName(u"kpi_complaints")
        sizePolicy.setHeightForWidth(self.kpi_complaints.sizePolicy().hasHeightForWidth())
        self.kpi_complaints.setSizePolicy(sizePolicy)
        self.kpi_complaints.setStyleSheet(u"QLabel { border: 1px solid #b0bec5; border-radius: 6px; padding: 8px; background: #f5f9fc; font-size: 15px; }")
        self.kpi_complaints.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.kpi_row.addWidget(self.kpi_complaints)

        self.kpi_paybacks = QLabel(DashboardPage)
        self.kpi_paybacks.setObjectName(u"kpi_paybacks")
        sizePolicy.setHeightForWidth(self.kpi_paybacks.sizePolicy().hasHeightForWidth())
        self.kpi_paybacks.setSizePolicy(sizePolicy)
        self.kpi_paybacks.setStyleSheet(u"QLabel { border: 1px solid #b0bec5; border-radius: 6px; padding: 8px; background: #f5f9fc; font-size: 15px; }")
        self.kpi_paybacks.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.kpi_row.addWidget(self.kpi_paybacks)

        self.kpi_collection = QLabel(DashboardPage)
        self.kpi_collection.setObjectName(u"kpi_collection")
        sizePolicy.setHeightForWidth(self.kpi_collection.sizePolicy().hasHeightForWidth())
        self.kpi_collection.setSizePolicy(sizePolicy)
        self.kpi_collection.setStyleSheet(u"QLabel { border: 1px solid #b0bec5; border-radius: 6px; padding: 8px; background: #f5f9fc; font-size: 15px; }")
        self.kpi_collection.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.kpi_row.addWidget(self.kpi_collection)


        self.dashboard_layout.addLayout(self.kpi_row)

        self.charts_splitter = QSplitter(DashboardPage)
        self.charts_splitter.setObjectName(u"charts_splitter")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.charts_splitter.sizePolicy().hasHeightForWidth())
        self.charts_splitter.setSizePolicy(sizePolicy1)
        self.charts_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.charts_splitter.setChildrenCollapsible(False)
        self.coverage_chart_host = QWidget(self.charts_splitter)
        self.coverage_chart_host.setObjectName(u"coverage_chart_host")
        self.coverage_chart_layout = QVBoxLayout(self.coverage_chart_host)
        self.coverage_chart_layout.setObjectName(u"coverage_chart_layout")
        self.coverage_chart_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_splitter.addWidget(self.coverage_chart_host)
        self.daily_chart_host = QWidget(self.charts_splitter)
        self.daily_chart_host.setObjectName(u"daily_chart_host")
        self.daily_chart_layout = QVBoxLayout(self.daily_chart_host)
        self.daily_chart_layout.setObjectName(u"daily_chart_layout")
        self.daily_chart_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_splitter.addWidget(self.daily_chart_host)

        self.dashboard_layout.addWidget(self.charts_splitter)


        self.retranslateUi(DashboardPage)

        QMetaObject.connectSlotsByName(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.dashboard_title.setText(QCoreApplication.translate("DashboardPage", u"\u7edf\u8ba1\u770b\u677f", None))
        self.dashboard_refresh.setText(QCoreApplication.translate("DashboardPage", u"\u5237\u65b0(&R)", None))
        self.dashboard_export.setText(QCoreApplication.translate("DashboardPage", u"\u5bfc\u51fa\u8868\u683c(&E)", None))
#if QT_CONFIG(tooltip)
        self.dashboard_export.setToolTip(QCoreApplication.translate("DashboardPage", u"\u628a\u6bcf\u65e5\u53d7\u7406\u91cf\u5bfc\u51fa\u4e3a Excel\uff08XLSX\uff09\u6216 CSV \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.kpi_coverage.setAccessibleName(QCoreApplication.translate("DashboardPage", u"\u6269\u9762\u5b8c\u6210\u60c5\u51b5", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kpi_waiting.setAccessibleName(QCoreApplication.translate("DashboardPage", u"\u7b49\u5f85\u4e2d\u5fc3\u51b3\u5b9a", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kpi_cases.setAccessibleName(QCoreApplication.translate("DashboardPage", u"\u903e\u671f\u6267\u6cd5\u6848\u4ef6", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kpi_complaints.setAccessibleName(QCoreApplication.translate("DashboardPage", u"\u672a\u529e\u7ed3\u6295\u8bc9", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kpi_paybacks.setAccessibleName(QCoreApplication.translate("DashboardPage", u"\u8865\u7f34\u63d0\u9192", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kpi_collection.setAccessibleName(QCoreApplication.translate("DashboardPage", u"\u903e\u671f\u50ac\u6536", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

