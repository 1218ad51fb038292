<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账户状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账户余额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>月缴存额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连续缴存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未开户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公积金贷款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>贷款编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剩余本金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年利率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限（月）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还款方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放款日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公积金贷款：无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所在乡镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缴存登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未登记（应责令限期办理）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缴存比例（职工/单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参保人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等额本息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等额本金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约束条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（起决定作用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>贷款额度与还款试算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填写身份证号、类别、收入、房价和期限后显示可贷额度。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>贷款额度约束条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还款方式比较</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每月还款额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>试算失败：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首月还款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总利息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还款总额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期数（月）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到该记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未配置中心：请先用 counter-app connect 连接管理中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步完成：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步失败：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消（有输入时先确认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印一次性告知单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房公积金乡镇服务站窗口系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一次性告知单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原件遗失</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印不清或卡纸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请人另需一份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印机：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>系统默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已发送到打印机：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法连接打印机，请检查后重试，或另存为 PDF。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印/补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补打原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印功能尚未就绪。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能生成打印文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已提交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待上传中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中心已接收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已核准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未核准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需补充材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲突待处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请人/单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中心意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>柜员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到匹配的职工或单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● 在线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● 离线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ 未配置中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态未知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>柜员：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待上传：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政策版本：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· 库中无此人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现为：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚缺或有误：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>材料未收齐：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（Ctrl+N 打印一次性告知单）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信息齐全，可以提交（Ctrl+Enter）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态：已受理，等待上传管理中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提示：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能受理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放弃录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放弃本次录入？已填写的内容和草稿将被清除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已恢复未完成的录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。不需要时按 Esc 清除。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusinessForm</name>
    <message>
        <source>Enter 下一项 · Ctrl+Enter 提交 · Esc 取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>材料清单（一次性告知）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勾选已收到的材料（空格键勾选）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印一次性告知单(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把尚缺的材料一次性告知申请人（Ctrl+N）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理回执编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理回执编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印受理回执(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印申请表(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理下一笔(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚需处理的事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提交受理 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提交受理</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>为其办理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>近期申请及中心意见</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>住房公积金乡镇服务站窗口系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号、统一社会信用代码、账号、姓名或拼音首字母（Ctrl+F / F3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找职工或单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>窗口受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从左侧选择业务，或在上方查找职工、单位。每项业务都有快捷键，鼠标悬停可查看。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未完成的录入（双击或按 Enter 继续）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未完成的录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本窗口近期受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业务(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查询本窗口受理记录（Ctrl+Q）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印/补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印或补打受理回执、申请表（Ctrl+P）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即与管理中心同步（F5）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>打印预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为(&amp;S)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>受理记录查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业务(&amp;K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按业务筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补打受理回执(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印申请表(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记住的打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>个人住房公积金账户设立</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房公积金个人账户设立登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>军官证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18位居民身份证号码，末位X大小写均可</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>男</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>女</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>固定电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通讯地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>邮政编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未婚</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已婚</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>丧偶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离婚</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>银行账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>银行卡号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所在单位统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缴存信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缴存基数（元/月）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上年度月平均工资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人缴存比例（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位缴存比例（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>起缴年月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>格式：2026-11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已收材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>材料清单（一次性告知）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位住房公积金缴存登记（建制）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位建制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房公积金单位缴存登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经办联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人手机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缴存银行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位银行账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职工缴存比例（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首次缴存年月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房公积金提取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房公积金提取申请表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提取原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提取信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提取金额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合同/凭证编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>购房合同、租赁合同或贷款合同编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收款银行卡号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人住房公积金贷款受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>贷款受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人住房公积金贷款申请受理单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借款人身份证号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借款人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借款人类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>月收入（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还款能力</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现有月还款额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房屋总价（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>贷款信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第二套住房</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请贷款金额（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>贷款期限（月）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还款方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等额本息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等额本金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共同借款人身份证号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共同借款人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人信息变更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信息变更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房公积金个人信息变更确认单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>变更人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新证件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>变更内容（只填要变更的项目）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新手机号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新固定电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新通讯地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新邮政编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新婚姻状况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新开户银行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新银行卡号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位缓缴住房公积金申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缓缴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房公积金缓缴申请表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缓缴起始年月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缓缴期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缓缴截止年月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缓缴原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已经职工代表大会或工会讨论通过</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
