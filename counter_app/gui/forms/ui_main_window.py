# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListView, QMenu, QMenuBar, QStackedWidget, QStatusBar, QTableView, QToolBar, QVBoxLayout, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 720)
        MainWindow.setMinimumSize(QSize(1000, 600))
        self.action_search = QAction(MainWindow)
        self.action_search.setObjectName(u"action_search")
        self.action_records = QAction(MainWindow)
        self.action_records.setObjectName(u"action_records")
        self.action_print = QAction(MainWindow)
        self.action_print.setObjectName(u"action_print")
        self.action_sync = QAction(MainWindow)
        self.action_sync.setObjectName(u"action_sync")
        self.action_home = QAction(MainWindow)
        self.action_home.setObjectName(u"action_home")
        self.action_settings = QAction(MainWindow)
        self.action_settings.setObjectName(u"action_settings")
        self.action_quit = QAction(MainWindow)
        self.action_quit.setObjectName(u"action_quit")
        self.action_shortcuts = QAction(MainWindow)
        self.action_shortcuts.setObjectName(u"action_shortcuts")
        self.action_about = QAction(MainWindow)
        self.action_about.setObjectName(u"action_about")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.central_layout = QHBoxLayout(self.central)
        self.central_layout.setSpacing(8)
        self.central_layout.setObjectName(u"central_layout")
        self.central_layout.setContentsMargins(4, 4, 8, 4)
        self.business_bar = QToolBar(self.central)
        self.business_bar.setObjectName(u"business_bar")
        self.business_bar.setMovable(False)

        self.central_layout.addWidget(self.business_bar)

        self.work_layout = QVBoxLayout()
        self.work_layout.setSpacing(6)
        self.work_layout.setObjectName(u"work_layout")
        self.search_row = QHBoxLayout()
        self.search_row.setObjectName(u"search_row")
        self.search_label = QLabel(self.central)
        self.search_label.setObjectName(u"search_label")

        self.search_row.addWidget(self.search_label)

        self.search_box = QLineEdit(self.central)
        self.search_box.setObjectName(u"search_box")
        self.search_box.setClearButtonEnabled(True)

        self.search_row.addWidget(self.search_box)


        self.work_layout.addLayout(self.search_row)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")
        self.home_page = QWidget()
        self.home_page.setObjectName(u"home_page")
        self.home_layout = QVBoxLayout(self.home_page)
        self.home_layout.setObjectName(u"home_layout")
        self.home_title = QLabel(self.home_page)
        self.home_title.setObjectName(u"home_title")
        self.home_title.setStyleSheet(u"font-size: 20px; font-weight: bold;")

        self.home_layout.addWidget(self.home_title)

        self.home_hint = QLabel(self.home_page)
        self.home_hint.setObjectName(u"home_hint")
        self.home_hint.setWordWrap(True)

        self.home_layout.addWidget(self.home_hint)

        self.drafts_label = QLabel(self.home_page)
        self.drafts_label.setObjectName(u"drafts_label")

        self.home_layout.addWidget(self.drafts_label)

        self.drafts_view = QListView(self.home_page)
        self.drafts_view.setObjectName(u"drafts_view")
        self.drafts_view.setMaximumSize(QSize(16777215, 160))

        self.home_layout.addWidget(self.drafts_view)

        self.recent_label = QLabel(self.home_page)
        self.recent_label.setObjectName(u"recent_label")

        self.home_layout.addWidget(self.recent_label)

        self.recent_view = QTableView(self.home_page)
        self.recent_view.setObjectName(u"recent_view")
        self.recent_view.setAlternatingRowColors(True)

        self.home_layout.addWidget(self.recent_view)

        self.pages.addWidget(self.home_page)
        self.business_page = QWidget()
        self.business_page.setObjectName(u"business_page")
        self.business_layout = QVBoxLayout(self.business_page)
        self.business_layout.setObjectName(u"business_layout")
        self.business_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.business_page)
        self.card_page = QWidget()
        self.card_page.setObjectName(u"card_page")
        self.card_layout = QVBoxLayout(self.card_page)
        self.card_layout.setObjectName(u"card_layout")
        self.card_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.card_page)
        self.records_page = QWidget()
        self.records_page.setObjectName(u"records_page")
        self.records_layout = QVBoxLayout(self.records_page)
        self.records_layout.setObjectName(u"records_layout")
        self.records_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.records_page)

        self.work_layout.addWidget(self.pages)


        self.central_layout.addLayout(self.work_layout)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menu_business = QMenu(self.menubar)
        self.menu_business.setObjectName(u"menu_business")
        self.menu_tools = QMenu(self.menubar)
        self.menu_tools.setObjectName(u"menu_tools")
        self.menu_help = QMenu(self.menubar)
        self.menu_help.setObjectName(u"menu_help")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.search_box)
        self.drafts_label.setBuddy(self.drafts_view)
        self.recent_label.setBuddy(self.recent_view)
#endif // QT_CONFIG(shortcut)

        self.business_bar.addAction(self.action_records)
        self.business_bar.addAction(self.action_print)
        self.business_bar.addAction(self.action_sync)
        self.menubar.addAction(self.menu_business.menuAction())
        self.menubar.addAction(self.menu_tools.menuAction())
        self.menubar.addAction(self.menu_help.menuAction())
        self.menu_tools.addAction(self.action_search)
        self.menu_tools.addAction(self.action_records)
        self.menu_tools.addAction(self.action_print)
        self.menu_tools.addAction(self.action_sync)
        self.menu_tools.addSeparator()
        self.menu_tools.addAction(self.action_home)
        self.menu_tools.addAction(self.action_settings)
        self.menu_tools.addSeparator()
        self.menu_tools.addAction(self.action_quit)
        self.menu_help.addAction(self.action_shortcuts)
        self.menu_help.addAction(self.action_about)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u4f4f\u623f\u516c\u79ef\u91d1\u4e61\u9547\u670d\u52a1\u7ad9\u7a97\u53e3\u7cfb\u7edf", None))
        self.action_search.setText(QCoreApplication.translate("MainWindow", u"\u67e5\u627e\u804c\u5de5\u6216\u5355\u4f4d", None))
        self.action_records.setText(QCoreApplication.translate("MainWindow", u"\u67e5\u8be2", None))
#if QT_CONFIG(tooltip)
        self.action_records.setToolTip(QCoreApplication.translate("MainWindow", u"\u67e5\u8be2\u672c\u7a97\u53e3\u53d7\u7406\u8bb0\u5f55\uff08Ctrl+Q\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.action_print.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5370/\u8865\u6253", None))
#if QT_CONFIG(tooltip)
        self.action_print.setToolTip(QCoreApplication.translate("MainWindow", u"\u6253\u5370\u6216\u8865\u6253\u53d7\u7406\u56de\u6267\u3001\u7533\u8bf7\u8868\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.action_sync.setText(QCoreApplication.translate("MainWindow", u"\u540c\u6b65", None))
#if QT_CONFIG(tooltip)
        self.action_sync.setToolTip(QCoreApplication.translate("MainWindow", u"\u7acb\u5373\u4e0e\u7ba1\u7406\u4e2d\u5fc3\u540c\u6b65\uff08F5\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.action_home.setText(QCoreApplication.translate("MainWindow", u"\u8fd4\u56de\u9996\u9875", None))
        self.action_settings.setText(QCoreApplication.translate("MainWindow", u"\u8bbe\u7f6e\u2026", None))
        self.action_quit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa", None))
        self.action_shortcuts.setText(QCoreApplication.translate("MainWindow", u"\u5feb\u6377\u952e\u4e00\u89c8", None))
        self.action_about.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e", None))
        self.business_bar.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u4e1a\u52a1", None))
        self.search_label.setText(QCoreApplication.translate("MainWindow", u"\u67e5\u627e(&F)", None))
        self.search_box.setPlaceholderText(QCoreApplication.translate("MainWindow", u"\u8eab\u4efd\u8bc1\u53f7\u3001\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801\u3001\u8d26\u53f7\u3001\u59d3\u540d\u6216\u62fc\u97f3\u9996\u5b57\u6bcd\uff08Ctrl+F / F3\uff09", None))
#if QT_CONFIG(accessibility)
        self.search_box.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u67e5\u627e\u804c\u5de5\u6216\u5355\u4f4d", None))
#endif // QT_CONFIG(accessibility)
        self.home_title.setText(QCoreApplication.translate("MainWindow", u"\u7a97\u53e3\u53d7\u7406", None))
        self.home_hint.setText(QCoreApplication.translate("MainWindow", u"\u4ece\u5de6\u4fa7\u9009\u62e9\u4e1a\u52a1\uff0c\u6216\u5728\u4e0a\u65b9\u67e5\u627e\u804c\u5de5\u3001\u5355\u4f4d\u3002\u6bcf\u9879\u4e1a\u52a1\u90fd\u6709\u5feb\u6377\u952e\uff0c\u9f20\u6807\u60ac\u505c\u53ef\u67e5\u770b\u3002", None))
        self.drafts_label.setText(QCoreApplication.translate("MainWindow", u"\u672a\u5b8c\u6210\u7684\u5f55\u5165\uff08\u53cc\u51fb\u6216\u6309 Enter \u7ee7\u7eed\uff09", None))
#if QT_CONFIG(accessibility)
        self.drafts_view.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u672a\u5b8c\u6210\u7684\u5f55\u5165", None))
#endif // QT_CONFIG(accessibility)
        self.recent_label.setText(QCoreApplication.translate("MainWindow", u"\u672c\u7a97\u53e3\u8fd1\u671f\u53d7\u7406", None))
#if QT_CONFIG(accessibility)
        self.recent_view.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u672c\u7a97\u53e3\u8fd1\u671f\u53d7\u7406", None))
#endif // QT_CONFIG(accessibility)
        self.menu_business.setTitle(QCoreApplication.translate("MainWindow", u"\u4e1a\u52a1(&B)", None))
        self.menu_tools.setTitle(QCoreApplication.translate("MainWindow", u"\u5de5\u5177(&T)", None))
        self.menu_help.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&H)", None))
    # retranslateUi

