<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>为该单位职工</source>
        <translation>For a worker of this employer: </translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>手机号码</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>缴存使用证明</source>
        <translation>Certificate of contributions</translation>
    </message>
    <message>
        <source>打印住房公积金缴存使用证明（异地办理业务用，带二维码和核验码）</source>
        <translation>Print the certificate of fund contributions and use (for business in another region; with QR and verification code)</translation>
    </message>
    <message>
        <source>个人账号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>账户状态</source>
        <translation>Account status</translation>
    </message>
    <message>
        <source>账户余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>月缴存额</source>
        <translation>Monthly contribution</translation>
    </message>
    <message>
        <source>连续缴存</source>
        <translation>Contributing for</translation>
    </message>
    <message>
        <source>个月</source>
        <translation>months</translation>
    </message>
    <message>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>尚未开户</source>
        <translation>No account yet</translation>
    </message>
    <message>
        <source>开户申请待中心审核</source>
        <translation>Account opening awaiting the centre&apos;s review</translation>
    </message>
    <message>
        <source>公积金贷款</source>
        <translation>Fund loans</translation>
    </message>
    <message>
        <source>贷款编号</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>剩余本金</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>年利率</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <source>期限（月）</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <source>还款方式</source>
        <translation>Repayment method</translation>
    </message>
    <message>
        <source>放款日期</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>开户办结后可办理其他业务</source>
        <translation>Other business once the account is opened</translation>
    </message>
    <message>
        <source>公积金贷款：无</source>
        <translation>Fund loans: none</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>单位地址</source>
        <translation>Employer address</translation>
    </message>
    <message>
        <source>所在乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>缴存登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>未登记（应责令限期办理）</source>
        <translation>Not registered (order to register by a deadline)</translation>
    </message>
    <message>
        <source>建制申请待中心审核</source>
        <translation>Registration awaiting the centre&apos;s review</translation>
    </message>
    <message>
        <source>单位账号</source>
        <translation>Employer account no.</translation>
    </message>
    <message>
        <source>缴存比例（职工/单位）</source>
        <translation>Ratios (worker/employer)</translation>
    </message>
    <message>
        <source>参保人数</source>
        <translation>Insured staff</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>待中心审核</source>
        <translation>Awaiting the centre&apos;s review</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>银行卡号</source>
        <translation>Bank card no.</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>显示完整号码（将记入审计日志）</source>
        <translation>Show the full number (recorded in the audit log)</translation>
    </message>
    <message>
        <source>等额本息</source>
        <translation>Equal instalment</translation>
    </message>
    <message>
        <source>等额本金</source>
        <translation>Equal principal</translation>
    </message>
    <message>
        <source>约束条件</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <source>上限</source>
        <translation>Cap</translation>
    </message>
    <message>
        <source>（起决定作用）</source>
        <translation> (binding)</translation>
    </message>
    <message>
        <source>贷款额度与还款试算</source>
        <translation>Loan limit and repayment preview</translation>
    </message>
    <message>
        <source>填写身份证号、类别、收入、房价和期限后显示可贷额度。</source>
        <translation>Fill in ID number, category, income, price and term to see the loan limit.</translation>
    </message>
    <message>
        <source>贷款额度约束条件</source>
        <translation>Loan limit constraints</translation>
    </message>
    <message>
        <source>还款方式比较</source>
        <translation>Repayment methods compared</translation>
    </message>
    <message>
        <source>每月还款额（横轴：期数/月）</source>
        <translation>Monthly payment (by month)</translation>
    </message>
    <message>
        <source>试算失败：</source>
        <translation>Preview failed: </translation>
    </message>
    <message>
        <source>首月还款</source>
        <translation>First month</translation>
    </message>
    <message>
        <source>总利息</source>
        <translation>Total interest</translation>
    </message>
    <message>
        <source>还款总额</source>
        <translation>Total repaid</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>站点设置(&amp;S)…</source>
        <translation>&amp;Station settings…</translation>
    </message>
    <message>
        <source>未找到该记录</source>
        <translation>Record not found</translation>
    </message>
    <message>
        <source>已受理，受理编号：</source>
        <translation>Accepted, receipt number: </translation>
    </message>
    <message>
        <source>未能受理，录入内容已存为草稿：</source>
        <translation>Not accepted; the entries were kept as a draft: </translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <source>同步完成：</source>
        <translation>Sync finished: </translation>
    </message>
    <message>
        <source>下一项（跳过按证件号码填写的项）</source>
        <translation>Next field (skips fields filled from the ID number)</translation>
    </message>
    <message>
        <source>未配置中心：请在“站点设置”中连接管理中心</source>
        <translation>No centre configured: connect to the centre in Station settings</translation>
    </message>
    <message>
        <source>本机数据文件已损坏，已停止办理新业务：请从备份恢复</source>
        <translation>The data file on this PC is damaged; no new business is taken: restore a backup</translation>
    </message>
    <message>
        <source>数据文件已损坏</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <source>正在读取信息卡…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <source>未能读取信息卡：</source>
        <translation>Could not read the card: </translation>
    </message>
    <message>
        <source>同步失败，数据仍在本机待上传：</source>
        <translation>Sync failed; the data stays queued on this PC: </translation>
    </message>
    <message>
        <source>下一个待填项（跳过已填写、选填和按证件号码填写的项）</source>
        <translation>Next field to fill (skips filled, optional and ID-derived fields)</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>上一项</source>
        <translation>Previous field</translation>
    </message>
    <message>
        <source>修改已预填的项</source>
        <translation>Change a pre-filled field</translation>
    </message>
    <message>
        <source>材料已全部收齐（勾选全部材料）</source>
        <translation>All materials received (ticks every item)</translation>
    </message>
    <message>
        <source>填入本次最多可提取或可贷的金额</source>
        <translation>Fill in the most that may be withdrawn or lent</translation>
    </message>
    <message>
        <source>取消（有输入时先确认）</source>
        <translation>Cancel (asks first when there is input)</translation>
    </message>
    <message>
        <source>打印一次性告知单</source>
        <translation>Print one-time notice</translation>
    </message>
    <message>
        <source>材料清单</source>
        <translation>Materials checklist</translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>住房公积金乡镇服务站窗口系统</source>
        <translation>Housing Provident Fund Counter</translation>
    </message>
    <message>
        <source>受理回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>申请表</source>
        <translation>Application form</translation>
    </message>
    <message>
        <source>一次性告知单</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <source>责令限期办理通知书</source>
        <translation>Notice to register within a time limit</translation>
    </message>
    <message>
        <source>责令限期缴存通知书</source>
        <translation>Notice to pay contributions within a time limit</translation>
    </message>
    <message>
        <source>建制执法案卷</source>
        <translation>Enforcement case file</translation>
    </message>
    <message>
        <source>日结单</source>
        <translation>Daily close sheet</translation>
    </message>
    <message>
        <source>档案封面</source>
        <translation>Archive cover sheet</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>正在打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>，暂停接收任务</source>
        <translation>, not accepting jobs</translation>
    </message>
    <message>
        <source>打印文件</source>
        <translation>Printout</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>共 %1 页</source>
        <translation>%1 page(s)</translation>
    </message>
    <message>
        <source>选择打印机(&amp;O)…</source>
        <translation>Ch&amp;oose printer…</translation>
    </message>
    <message>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>打印机：</source>
        <translation>Printer: </translation>
    </message>
    <message>
        <source>打印时选择</source>
        <translation>choose when printing</translation>
    </message>
    <message>
        <source>单面</source>
        <translation>One side</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，请先在系统中添加打印机，或另存为 PDF。</source>
        <translation>This PC has no printer. Add one in the system settings, or save as PDF.</translation>
    </message>
    <message>
        <source>正在查找最近的受理编号…</source>
        <translation>Looking up the latest receipt number…</translation>
    </message>
    <message>
        <source>正在发送到打印机…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>任务号 </source>
        <translation>job </translation>
    </message>
    <message>
        <source>已交给系统打印</source>
        <translation>handed to the system</translation>
    </message>
    <message>
        <source>未能打印：</source>
        <translation>Could not print: </translation>
    </message>
    <message>
        <source>已发送到打印机：</source>
        <translation>Sent to printer: </translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>打印功能尚未就绪。</source>
        <translation>Printing is not available yet.</translation>
    </message>
    <message>
        <source>正在生成 </source>
        <translation>Generating </translation>
    </message>
    <message>
        <source>未能生成打印文件：</source>
        <translation>Could not generate the document: </translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>申请人/单位</source>
        <translation>Applicant/employer</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>中心意见</source>
        <translation>Centre decision</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <source>柜员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>读取失败：</source>
        <translation>Could not read: </translation>
    </message>
    <message>
        <source>已调查</source>
        <translation>Investigated</translation>
    </message>
    <message>
        <source>已发通知书</source>
        <translation>Notice issued</translation>
    </message>
    <message>
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>已建制</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>逾期未办理</source>
        <translation>Deadline passed</translation>
    </message>
    <message>
        <source>已移送处罚</source>
        <translation>Referred for penalty</translation>
    </message>
    <message>
        <source>已缴存</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已申请法院强制执行</source>
        <translation>Court enforcement applied</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>建制（责令限期办理）</source>
        <translation>Establishment (order to register)</translation>
    </message>
    <message>
        <source>欠缴（责令限期缴存）</source>
        <translation>Arrears (order to pay)</translation>
    </message>
    <message>
        <source>执法案件</source>
        <translation>Enforcement cases</translation>
    </message>
    <message>
        <source>通知书日期</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <source>送达日期</source>
        <translation>Delivery date</translation>
    </message>
    <message>
        <source>早于今天 {0} 天</source>
        <translation>{0} days before today</translation>
    </message>
    <message>
        <source>晚于今天 {0} 天</source>
        <translation>{0} days after today</translation>
    </message>
    <message>
        <source>{0}为 {1}（{2}），不是今天（{3}）。
该日期将印在执法文书上，请与纸质材料核对。确认无误吗？</source>
        <translation>The {0} is {1} ({2}), not today ({3}).
This date will be printed on an enforcement document; please check it against the paper records. Is it correct?</translation>
    </message>
    <message>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Responsible clerk</translation>
    </message>
    <message>
        <source>立案日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>限期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>全部未结案</source>
        <translation>All open cases</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>只看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>立案(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <source>下一步(&amp;S)</source>
        <translation>Next &amp;step</translation>
    </message>
    <message>
        <source>导出案卷(&amp;D)</source>
        <translation>Export &amp;dossier</translation>
    </message>
    <message>
        <source>共 {0} 件，其中逾期 {1} 件</source>
        <translation>{0} cases, {1} overdue</translation>
    </message>
    <message>
        <source>欠缴 {0} 元（{1}至{2}）</source>
        <translation>Owes {0} yuan ({1} to {2})</translation>
    </message>
    <message>
        <source>关联投诉：</source>
        <translation>Linked complaint: </translation>
    </message>
    <message>
        <source>案件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>调查日期</source>
        <translation>Investigated on</translation>
    </message>
    <message>
        <source>调查笔录摘要</source>
        <translation>Investigation record summary</translation>
    </message>
    <message>
        <source>笔录编号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>欠缴金额（元，欠缴案件）</source>
        <translation>Amount owed (yuan, arrears cases)</translation>
    </message>
    <message>
        <source>欠缴起始年月（如 2026-01）</source>
        <translation>Arrears from (e.g. 2026-01)</translation>
    </message>
    <message>
        <source>欠缴截止年月（如 2026-06）</source>
        <translation>Arrears to (e.g. 2026-06)</translation>
    </message>
    <message>
        <source>立案：录入调查笔录</source>
        <translation>New case: investigation record</translation>
    </message>
    <message>
        <source>下一环节</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>文书编号或送达方式</source>
        <translation>Document no. or delivery method</translation>
    </message>
    <message>
        <source>决定罚款金额（元）</source>
        <translation>Fine decided (yuan)</translation>
    </message>
    <message>
        <source>登记下一环节</source>
        <translation>Record the next step</translation>
    </message>
    <message>
        <source>案件 {0} 现为：{1}</source>
        <translation>Case {0} is now: {1}</translation>
    </message>
    <message>
        <source>已生成：</source>
        <translation>Created: </translation>
    </message>
    <message>
        <source>条</source>
        <translation>records</translation>
    </message>
    <message>
        <source>职工</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>查找结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>没有找到匹配的职工或单位</source>
        <translation>No matching worker or employer</translation>
    </message>
    <message>
        <source>还款日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>月供</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>利息</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>贷款卡片</source>
        <translation>Loan card</translation>
    </message>
    <message>
        <source>正在读取贷款…</source>
        <translation>Reading the loan…</translation>
    </message>
    <message>
        <source>{0} 期，{1}（自 {2} 起）</source>
        <translation>{0} months, {1} (since {2})</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>贷款本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>下期还款</source>
        <translation>Next instalment</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>月对冲</source>
        <translation>Monthly offset</translation>
    </message>
    <message>
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>未签约</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>共同借款人</source>
        <translation>Co-borrower</translation>
    </message>
    <message>
        <source>还款计划</source>
        <translation>Repayment plan</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● 离线</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>○ 未配置中心</source>
        <translation>○ No centre configured</translation>
    </message>
    <message>
        <source>正在打开数据…</source>
        <translation>Opening data…</translation>
    </message>
    <message>
        <source>状态未知</source>
        <translation>Status unknown</translation>
    </message>
    <message>
        <source>柜员：</source>
        <translation>Clerk: </translation>
    </message>
    <message>
        <source>待上传：</source>
        <translation>Waiting: </translation>
    </message>
    <message>
        <source>政策版本：</source>
        <translation>Policy: </translation>
    </message>
    <message>
        <source>· 企业预缴登记</source>
        <translation>· Pre-registered company</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>有{n}个单位与“{text}”相符：请多输入几个字，在列表中选择</source>
        <translation>{n} employers match “{text}”: type a little more and choose one from the list</translation>
    </message>
    <message>
        <source>没有与“{text}”相符的单位：请输入统一社会信用代码，或单位名称、拼音首字母</source>
        <translation>No employer matches “{text}”: type the 18-character unified social credit code, or the employer&apos;s name or pinyin initials</translation>
    </message>
    <message>
        <source>检查失败：</source>
        <translation>Check failed: </translation>
    </message>
    <message>
        <source>· 库中无此人</source>
        <translation>· not in the records</translation>
    </message>
    <message>
        <source>现为：</source>
        <translation>Now: </translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>按 F9 填入</source>
        <translation>F9 fills it in</translation>
    </message>
    <message>
        <source>尚缺或有误：</source>
        <translation>Missing or wrong: </translation>
    </message>
    <message>
        <source>材料未收齐：</source>
        <translation>Documents missing: </translation>
    </message>
    <message>
        <source>（Ctrl+N 打印一次性告知单）</source>
        <translation> (Ctrl+N prints the one-time notice)</translation>
    </message>
    <message>
        <source>信息齐全，可以提交（Ctrl+Enter）</source>
        <translation>Complete: ready to submit (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <source>提交失败，已保存草稿，可重试：</source>
        <translation>Submission failed; the draft is saved, you can try again: </translation>
    </message>
    <message>
        <source>状态：已受理，等待上传管理中心</source>
        <translation>Status: accepted, waiting to upload to the centre</translation>
    </message>
    <message>
        <source>已存档附件 {n} 个文件，共 {pages} 页</source>
        <translation>Archived {n} attached file(s), {pages} page(s)</translation>
    </message>
    <message>
        <source>附件未能存档：</source>
        <translation>Attachment not archived: </translation>
    </message>
    <message>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>未能受理：</source>
        <translation>Not accepted: </translation>
    </message>
    <message>
        <source>放弃录入</source>
        <translation>Discard input</translation>
    </message>
    <message>
        <source>放弃本次录入？已填写的内容和草稿将被清除。</source>
        <translation>Discard this form? What was typed and its draft will be cleared.</translation>
    </message>
    <message>
        <source>；{n} 个附件已不在原处：{names}</source>
        <translation>; {n} attached files are no longer where they were: {names}</translation>
    </message>
    <message>
        <source>已恢复未完成的录入</source>
        <translation>Restored unfinished input</translation>
    </message>
    <message>
        <source>。不需要时按 Esc 清除。</source>
        <translation>. Press Esc to clear it if not needed.</translation>
    </message>
    <message>
        <source>服务站代码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>窗口号</source>
        <translation>Counter no.</translation>
    </message>
    <message>
        <source>暂不连接中心，先离线工作（以后可在设置中填写）</source>
        <translation>Work offline for now (fill in later in Settings)</translation>
    </message>
    <message>
        <source>中心数据库</source>
        <translation>Central database</translation>
    </message>
    <message>
        <source>连接密码</source>
        <translation>Connection password</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>请填写中心数据库连接串，或勾选“先离线工作”</source>
        <translation>Enter the central database connection string, or tick &quot;Work offline for now&quot;</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>连接测试失败：</source>
        <translation>Connection test failed: </translation>
    </message>
    <message>
        <source>每类单据默认的打印机、纸张和单双面（回执通常用小型票据打印机、A5纸）</source>
        <translation>Default printer, paper and sides for each kind of document (receipts usually go to the small receipt printer, on A5)</translation>
    </message>
    <message>
        <source>每次打印时选择</source>
        <translation>Ask at every print</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>双面</source>
        <translation>Both sides</translation>
    </message>
    <message>
        <source>双面打印</source>
        <translation>Print on both sides</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>姓名不能为空</source>
        <translation>Name is required</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>（本机未找到）</source>
        <translation>(not found on this PC)</translation>
    </message>
    <message>
        <source>首次运行设置 — counter-app</source>
        <translation>First-run setup — counter-app</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>本机所在的服务站和窗口号，打印在每张回执上。</source>
        <translation>The station and counter of this PC, printed on every receipt.</translation>
    </message>
    <message>
        <source>连接管理中心</source>
        <translation>Connect to the centre</translation>
    </message>
    <message>
        <source>填写中心提供的连接串和密码；网络未通时可先离线工作。</source>
        <translation>Enter the connection string and password from the centre; without a network you can work offline first.</translation>
    </message>
    <message>
        <source>站长账号</source>
        <translation>Supervisor account</translation>
    </message>
    <message>
        <source>创建第一个柜员账号（站长），以后由站长添加其他柜员。</source>
        <translation>Create the first clerk account (the supervisor), who then adds the other clerks.</translation>
    </message>
    <message>
        <source>打印机和语言</source>
        <translation>Printers and language</translation>
    </message>
    <message>
        <source>每类单据默认使用的打印机；以后可在“设置”中修改。</source>
        <translation>Default printer for each kind of document; change it later in Settings.</translation>
    </message>
    <message>
        <source>已备份到 </source>
        <translation>Backed up to </translation>
    </message>
    <message>
        <source>正在检查备份文件…</source>
        <translation>Checking the backup file…</translation>
    </message>
    <message>
        <source>将用所选备份替换本机数据（当前数据会先自动另存一份），恢复后程序需要重新启动。确定恢复吗？</source>
        <translation>The selected backup will replace the data on this PC (the current data is saved first) and the program must restart. Restore?</translation>
    </message>
    <message>
        <source>已恢复，请重新启动程序。</source>
        <translation>Restored. Please restart the program.</translation>
    </message>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <source>正在读取设置…</source>
        <translation>Reading the settings…</translation>
    </message>
    <message>
        <source>数据已恢复，程序将重新启动。</source>
        <translation>Data restored; the program will restart.</translation>
    </message>
    <message>
        <source>正在保存设置…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>请核对日期</source>
        <translation>Please check the date</translation>
    </message>
    <message>
        <source>确认无误(&amp;Y)</source>
        <translation>&amp;Yes, it is correct</translation>
    </message>
    <message>
        <source>返回修改(&amp;N)</source>
        <translation>&amp;No, go back and change it</translation>
    </message>
    <message>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>服务站数据 (*.sqlite3)</source>
        <translation>Station data (*.sqlite3)</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>恢复数据</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>需要站长（主管）复核：</source>
        <translation>Needs the supervisor&apos;s approval: </translation>
    </message>
    <message>
        <source>经办柜员：</source>
        <translation>Clerk: </translation>
    </message>
    <message>
        <source>站长登录名</source>
        <translation>Supervisor user name</translation>
    </message>
    <message>
        <source>很不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>材料齐全</source>
        <translation>All documents received</translation>
    </message>
    <message>
        <source>受理编号：</source>
        <translation>Receipt no.: </translation>
    </message>
    <message>
        <source>谢谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>客户评价：{0}分</source>
        <translation>Customer rating: {0}</translation>
    </message>
    <message>
        <source>统计失败：</source>
        <translation>Statistics failed: </translation>
    </message>
    <message>
        <source>未设目标</source>
        <translation>no target set</translation>
    </message>
    <message>
        <source>截至 {0}</source>
        <translation>as of {0}</translation>
    </message>
    <message>
        <source>扩面完成
{0} / {1} 人（{2}）</source>
        <translation>Coverage
{0} / {1} people ({2})</translation>
    </message>
    <message>
        <source>待中心决定
{0} 笔</source>
        <translation>Awaiting decision
{0}</translation>
    </message>
    <message>
        <source>执法案件
{0} 件，逾期 {1} 件</source>
        <translation>Enforcement cases
{0}, {1} overdue</translation>
    </message>
    <message>
        <source>未办结投诉
{0} 件，逾期 {1} 件</source>
        <translation>Open complaints
{0}, {1} overdue</translation>
    </message>
    <message>
        <source>补缴提醒
{0} 笔</source>
        <translation>Payback reminders
{0}</translation>
    </message>
    <message>
        <source>逾期贷款
{0} 笔，承诺还款到期 {1} 笔</source>
        <translation>Overdue loans
{0}, promises due {1}</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>已新增</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>扩面进度（人）</source>
        <translation>Coverage progress (people)</translation>
    </message>
    <message>
        <source>本期</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>其他业务</source>
        <translation>Other business</translation>
    </message>
    <message>
        <source>每日受理量（笔）</source>
        <translation>Applications per day</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>每日受理量</source>
        <translation>Applications per day</translation>
    </message>
    <message>
        <source>导出表格</source>
        <translation>Export table</translation>
    </message>
    <message>
        <source>扩面</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>建制执法</source>
        <translation>Enforcement</translation>
    </message>
    <message>
        <source>预缴登记</source>
        <translation>Pre-registrations</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>缓缴跟踪</source>
        <translation>Deferrals</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>Daily close</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>站务(&amp;S)</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <source>客户屏（服务评价）</source>
        <translation>Customer screen (rating)</translation>
    </message>
    <message>
        <source>批量打印信函(&amp;L)…</source>
        <translation>Print &amp;letters…</translation>
    </message>
    <message>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>柜员 %1 于 %2 锁定</source>
        <translation>Locked by clerk %1 at %2</translation>
    </message>
    <message>
        <source>本人输入密码解锁；也可由站长输入其登录名和密码解锁。</source>
        <translation>Unlock with your password, or the supervisor may unlock with their user name and password.</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>锁屏</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>请输入登录名和密码</source>
        <translation>Enter user name and password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <source>设置新密码并登录</source>
        <translation>Set password and log in</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>无法验证：</source>
        <translation>Cannot check: </translation>
    </message>
    <message>
        <source>企业预缴登记（多证合一）</source>
        <translation>Company pre-registrations (multi-licence)</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>上门</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>信函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>逾期催收</source>
        <translation>Overdue loans</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>建制受理编号</source>
        <translation>Establishment receipt no.</translation>
    </message>
    <message>
        <source>只看待建制</source>
        <translation>Pending only</translation>
    </message>
    <message>
        <source>导入登记信息(&amp;I)</source>
        <translation>&amp;Import registrations</translation>
    </message>
    <message>
        <source>办理建制(&amp;E)</source>
        <translation>&amp;Establish</translation>
    </message>
    <message>
        <source>导入进度</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>{0}至{1}：接收 {2} 户，办理建制 {3} 户；待建制 {4} 户</source>
        <translation>{0} to {1}: {2} received, {3} established; {4} pending</translation>
    </message>
    <message>
        <source>导入企业登记信息</source>
        <translation>Import company registrations</translation>
    </message>
    <message>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已读取 %v / %m 行</source>
        <translation>Read %v / %m rows</translation>
    </message>
    <message>
        <source>已导入 {0} 户，{1} 行未导入</source>
        <translation>Imported {0} companies, {1} rows refused</translation>
    </message>
    <message>
        <source>已导入 {0} 户，{1} 行未导入（共读取 {2} 行）</source>
        <translation>Imported {0} companies, {1} rows refused ({2} rows read)</translation>
    </message>
    <message>
        <source>导入已取消，已导入的企业保留</source>
        <translation>Import cancelled; companies already imported are kept</translation>
    </message>
    <message>
        <source>导入失败：</source>
        <translation>Import failed: </translation>
    </message>
    <message>
        <source>管理中心</source>
        <translation>Management centre</translation>
    </message>
    <message>
        <source>贷款合同编号</source>
        <translation>Loan contract no.</translation>
    </message>
    <message>
        <source>借款人</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>逾期期数</source>
        <translation>Months overdue</translation>
    </message>
    <message>
        <source>逾期金额</source>
        <translation>Amount overdue</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>记录联系(&amp;L)</source>
        <translation>&amp;Log contact</translation>
    </message>
    <message>
        <source>打印催收通知书(&amp;P)</source>
        <translation>&amp;Print notice</translation>
    </message>
    <message>
        <source>批量打印(&amp;B)</source>
        <translation>Print &amp;all</translation>
    </message>
    <message>
        <source>停止打印</source>
        <translation>Stop printing</translation>
    </message>
    <message>
        <source>逾期贷款 {0} 笔，逾期本息合计 {1}；承诺还款日已到 {2} 笔（红色）</source>
        <translation>{0} overdue loans, {1} overdue in all; {2} promised payments due (red)</translation>
    </message>
    <message>
        <source>承诺还款</source>
        <translation>promised</translation>
    </message>
    <message>
        <source>尚无联系记录</source>
        <translation>No contact yet</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>承诺还款日期（可空，如 2026-12-20）</source>
        <translation>Promised payment date (optional, e.g. 2026-12-20)</translation>
    </message>
    <message>
        <source>联系日期</source>
        <translation>Contact date</translation>
    </message>
    <message>
        <source>记录催收联系</source>
        <translation>Log a contact</translation>
    </message>
    <message>
        <source>正在生成催收通知书 {0}/{1}</source>
        <translation>Writing overdue notices {0}/{1}</translation>
    </message>
    <message>
        <source>已停止，未生成文件</source>
        <translation>Stopped; no file written</translation>
    </message>
    <message>
        <source>没有逾期贷款，未生成催收通知书</source>
        <translation>No overdue loans; no notice written</translation>
    </message>
    <message>
        <source>已生成催收通知书 {0} 份：{1}</source>
        <translation>{0} overdue notices written: {1}</translation>
    </message>
    <message>
        <source>生成失败：</source>
        <translation>Failed: </translation>
    </message>
    <message>
        <source>已开户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>待覆盖</source>
        <translation>Uncovered</translation>
    </message>
    <message>
        <source>难易</source>
        <translation>Effort</translation>
    </message>
    <message>
        <source>录入扩面目标(&amp;T)</source>
        <translation>Set &amp;target</translation>
    </message>
    <message>
        <source>导入参保名单(&amp;I)</source>
        <translation>&amp;Import staff list</translation>
    </message>
    <message>
        <source>{0}至{1}：目标 {2} 人，已新增 {3} 人，完成 {4}</source>
        <translation>{0} to {1}: target {2}, opened {3}, reached {4}</translation>
    </message>
    <message>
        <source>全站</source>
        <translation>Whole station</translation>
    </message>
    <message>
        <source>新增缴存人数</source>
        <translation>New contributors</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>站长录入</source>
        <translation>Entered by supervisor</translation>
    </message>
    <message>
        <source>管理中心下达</source>
        <translation>Set by the centre</translation>
    </message>
    <message>
        <source>扩面目标</source>
        <translation>Coverage target</translation>
    </message>
    <message>
        <source>导入参保名单</source>
        <translation>Import staff list</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已导入 {0} 家单位，{1} 行未导入</source>
        <translation>Imported {0} employers, {1} rows skipped</translation>
    </message>
    <message>
        <source>投诉编号</source>
        <translation>Complaint no.</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>被投诉单位</source>
        <translation>Employer complained about</translation>
    </message>
    <message>
        <source>关联案件</source>
        <translation>Linked case</translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>含已办结</source>
        <translation>Include closed</translation>
    </message>
    <message>
        <source>登记投诉(&amp;N)</source>
        <translation>&amp;New complaint</translation>
    </message>
    <message>
        <source>办结(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>逾期未办结 {0} 件</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>投诉人姓名</source>
        <translation>Complainant name</translation>
    </message>
    <message>
        <source>投诉人证件号码</source>
        <translation>Complainant ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>被投诉单位统一社会信用代码</source>
        <translation>Employer USCC</translation>
    </message>
    <message>
        <source>关联执法案件编号</source>
        <translation>Linked case no.</translation>
    </message>
    <message>
        <source>投诉事项</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>登记投诉</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>办结投诉</source>
        <translation>Close complaint</translation>
    </message>
    <message>
        <source>缓缴期间</source>
        <translation>Deferral period</translation>
    </message>
    <message>
        <source>职工人数</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>缓缴金额</source>
        <translation>Deferred amount</translation>
    </message>
    <message>
        <source>已补缴</source>
        <translation>Paid back</translation>
    </message>
    <message>
        <source>下期应缴日</source>
        <translation>Next due</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>登记核准的缓缴(&amp;N)</source>
        <translation>&amp;New approved deferral</translation>
    </message>
    <message>
        <source>登记补缴(&amp;P)</source>
        <translation>Record &amp;payback</translation>
    </message>
    <message>
        <source>逾期 {0} 天</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <source>{0} 天后到期</source>
        <translation>due in {0} days</translation>
    </message>
    <message>
        <source>待提醒 {0} 笔</source>
        <translation>{0} reminders</translation>
    </message>
    <message>
        <source>第{0}期&#x3000;{1}&#x3000;{2}&#x3000;{3}</source>
        <translation>Instalment {0}  {1}  {2}  {3}</translation>
    </message>
    <message>
        <source>已补缴 </source>
        <translation>paid </translation>
    </message>
    <message>
        <source>未缴</source>
        <translation>unpaid</translation>
    </message>
    <message>
        <source>本站缓缴申请的受理编号（可空）</source>
        <translation>Receipt no. of the deferral application (optional)</translation>
    </message>
    <message>
        <source>单位统一社会信用代码</source>
        <translation>Employer USCC</translation>
    </message>
    <message>
        <source>缓缴起始年月</source>
        <translation>Deferral from (month)</translation>
    </message>
    <message>
        <source>缓缴截止年月</source>
        <translation>Deferral to (month)</translation>
    </message>
    <message>
        <source>核准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>补缴期数</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <source>登记核准的缓缴</source>
        <translation>New approved deferral</translation>
    </message>
    <message>
        <source>期次</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>补缴日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>登记补缴</source>
        <translation>Record payback</translation>
    </message>
    <message>
        <source>已上传</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>漏录业务需补录</source>
        <translation>A missed application must be entered</translation>
    </message>
    <message>
        <source>日结合计有误需更正</source>
        <translation>The close totals are wrong and must be corrected</translation>
    </message>
    <message>
        <source>误操作提前日结</source>
        <translation>Closed too early by mistake</translation>
    </message>
    <message>
        <source>本人（{0}）</source>
        <translation>my own ({0})</translation>
    </message>
    <message>
        <source>终端{0}缺号：</source>
        <translation>Terminal {0} missing numbers: </translation>
    </message>
    <message>
        <source>日结确认</source>
        <translation>Confirm daily close</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}日结</source>
        <translation>{0}  daily close of {1}</translation>
    </message>
    <message>
        <source>业务笔数</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>涉及金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Receipts printed</translation>
    </message>
    <message>
        <source>{0} 张，补打 {1} 张</source>
        <translation>{0}, reprinted {1}</translation>
    </message>
    <message>
        <source>未上传中心</source>
        <translation>Not yet sent to the centre</translation>
    </message>
    <message>
        <source>{0} 笔</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>编号检查</source>
        <translation>Number check</translation>
    </message>
    <message>
        <source>笔数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>日结后当日业务只读（仍可补打回执）；如需补办，须站长重开。</source>
        <translation>After the close the day is read-only (receipts can still be reprinted); to take more work a supervisor must reopen it.</translation>
    </message>
    <message>
        <source>确认日结并打印(&amp;Y)</source>
        <translation>&amp;Yes, close and print</translation>
    </message>
    <message>
        <source>返回核对</source>
        <translation>Back to check</translation>
    </message>
    <message>
        <source>重开已日结的业务日</source>
        <translation>Reopen a closed day</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}：第{2}次日结，{3} 由 {4} 办理，{5} 笔，金额 {6} 元</source>
        <translation>{0}  {1}: close no. {2}, at {3} by {4}, {5} applications, amount {6} yuan</translation>
    </message>
    <message>
        <source>重开原因</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <source>写明为何重开（审计日志永久保存）</source>
        <translation>Say why (kept in the audit log for good)</translation>
    </message>
    <message>
        <source>重开须经站长（主管）复核；重开后再次日结将打印“第{0}次日结”的修订日结单。</source>
        <translation>Reopening needs a supervisor&apos;s approval; the next close prints a revised sheet marked &quot;close no. {0}&quot;.</translation>
    </message>
    <message>
        <source>重开(&amp;O)</source>
        <translation>Re&amp;open</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>日结(&amp;C)…</source>
        <translation>&amp;Close the day…</translation>
    </message>
    <message>
        <source>重开(&amp;O)…</source>
        <translation>Re&amp;open…</translation>
    </message>
    <message>
        <source>日结单(&amp;V)</source>
        <translation>Close &amp;sheet</translation>
    </message>
    <message>
        <source>导出日报(&amp;R)</source>
        <translation>Daily &amp;report</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>已日结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已重开，待第{0}次日结</source>
        <translation>Reopened, waiting for close no. {0}</translation>
    </message>
    <message>
        <source>未日结</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1} 笔，金额 {2}，未上传 {3} 笔，回执 {4} 张、补打 {5} 张</source>
        <translation>{0}  {1} applications, amount {2}, {3} not sent, {4} receipts, {5} reprints</translation>
    </message>
    <message>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <source>未能读取当日业务：</source>
        <translation>Could not read the day&apos;s work: </translation>
    </message>
    <message>
        <source>受理编号连续，无缺号</source>
        <translation>Receipt numbers complete, no gaps</translation>
    </message>
    <message>
        <source>日结后补打回执 {0} 张（已记录，不计入合计）</source>
        <translation>{0} receipts reprinted after the close (logged, not in the totals)</translation>
    </message>
    <message>
        <source>第{0}次日结：{1:%H:%M} {2}，{3} 笔，金额 {4}</source>
        <translation>Close no. {0}: {1:%H:%M} {2}, {3} applications, amount {4}</translation>
    </message>
    <message>
        <source>，{0}复核</source>
        <translation>, approved by {0}</translation>
    </message>
    <message>
        <source>；{0:%H:%M} {1}重开{2}，原因：{3}</source>
        <translation>; reopened {0:%H:%M} by {1}{2}, reason: {3}</translation>
    </message>
    <message>
        <source>已日结：</source>
        <translation>Day closed: </translation>
    </message>
    <message>
        <source>已重开 {0}，可继续办理；办完请再次日结</source>
        <translation>Reopened {0}: work can go on; close the day again when done</translation>
    </message>
    <message>
        <source>导出日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <source>已日结提示</source>
        <translation>Day closed notice</translation>
    </message>
    <message>
        <source>。可以查询和录入，内容保存为草稿。</source>
        <translation>. You can still look things up and type; the input is kept as a draft.</translation>
    </message>
    <message>
        <source>批量打印信函</source>
        <translation>Print letters</translation>
    </message>
    <message>
        <source>不填则发给全部职工</source>
        <translation>empty: every contributor</translation>
    </message>
    <message>
        <source> 封/任务</source>
        <translation> letters/job</translation>
    </message>
    <message>
        <source>信函模板</source>
        <translation>Letter template</translation>
    </message>
    <message>
        <source>最多封数</source>
        <translation>At most</translation>
    </message>
    <message>
        <source>每个打印任务</source>
        <translation>Per print job</translation>
    </message>
    <message>
        <source>%v / %m 封</source>
        <translation>%v / %m letters</translation>
    </message>
    <message>
        <source>正在读取打印机…</source>
        <translation>Reading the printers…</translation>
    </message>
    <message>
        <source>开始打印(&amp;P)</source>
        <translation>Start &amp;printing</translation>
    </message>
    <message>
        <source>取消打印</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <source>（系统默认）</source>
        <translation> (system default)</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，请先在系统中添加打印机</source>
        <translation>This PC has no printer; add one in the system settings</translation>
    </message>
    <message>
        <source>正在生成并发送信函…</source>
        <translation>Writing and sending the letters…</translation>
    </message>
    <message>
        <source>正在取消：当前任务不再发送，打印机尚未开始的任务将撤回…</source>
        <translation>Cancelling: the job being written is not sent, jobs the printer has not started are taken back…</translation>
    </message>
    <message>
        <source>已取消。已送打印机并保留 %1 封（%2 个完整任务），撤回未开始的任务 %3 个；没有半个任务。</source>
        <translation>Cancelled. %1 letters stay with the printer (%2 whole jobs); %3 waiting jobs taken back; no half job.</translation>
    </message>
    <message>
        <source>没有符合条件的收件人，未打印信函。</source>
        <translation>Nobody matches: no letters printed.</translation>
    </message>
    <message>
        <source>已送打印机“%1”：%2 封，%3 个打印任务。</source>
        <translation>Sent to printer “%1”: %2 letters in %3 print jobs.</translation>
    </message>
    <message>
        <source>未能打印信函：</source>
        <translation>Could not print the letters: </translation>
    </message>
    <message>
        <source>例：2026-05-03（F4 选日期）</source>
        <translation>e.g. 2026-05-03 (F4: calendar)</translation>
    </message>
    <message>
        <source>空格：勾选当前项&#x3000;1–9：勾选第N项&#x3000;A：全部收齐</source>
        <translation>Space: tick the current item   1–9: tick item N   A: all received</translation>
    </message>
    <message>
        <source>已按库中信息填写</source>
        <translation>Filled in from the records</translation>
    </message>
    <message>
        <source>已按证件号码填写</source>
        <translation>Filled in from the ID number</translation>
    </message>
    <message>
        <source>，如需修改请先按 F2、退格键或单击此项</source>
        <translation>; to change it, press F2 or Backspace, or click it first</translation>
    </message>
    <message>
        <source>填写身份证号、贷款合同编号和提前还款金额后，显示两种调整方式的新还款计划。</source>
        <translation>Enter the ID number, the loan contract no. and the prepayment amount to see the new schedule of both options.</translation>
    </message>
    <message>
        <source>提前还款试算</source>
        <translation>Prepayment preview</translation>
    </message>
    <message>
        <source>提前还款两种方式比较</source>
        <translation>Both ways of prepaying compared</translation>
    </message>
    <message>
        <source>缩短期限</source>
        <translation>Shorter term</translation>
    </message>
    <message>
        <source>减少月供</source>
        <translation>Lower payment</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>选定</source>
        <translation>chosen</translation>
    </message>
    <message>
        <source>首期月供</source>
        <translation>First payment</translation>
    </message>
    <message>
        <source>填写身份证号、贷款合同编号和结清日期后，显示当日结清应还金额。</source>
        <translation>Enter the ID number, the loan contract no. and the settlement date to see the payoff on that day.</translation>
    </message>
    <message>
        <source>结清试算</source>
        <translation>Payoff preview</translation>
    </message>
    <message>
        <source>结清应还</source>
        <translation>Payoff</translation>
    </message>
    <message>
        <source>利息 {0}（{1} 至 {2}，{3} 天，日利率＝年利率÷360）</source>
        <translation>Interest {0} ({1} to {2}, {3} days, day rate = annual rate ÷ 360)</translation>
    </message>
    <message>
        <source>剩余期数</source>
        <translation>Months left</translation>
    </message>
    <message>
        <source>剩余利息</source>
        <translation>Interest left</translation>
    </message>
    <message>
        <source>节省利息</source>
        <translation>Interest saved</translation>
    </message>
    <message>
        <source>附加文件…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <source>为当前材料附加扫描件或 PDF</source>
        <translation>Attach scans or PDFs to the current document</translation>
    </message>
    <message>
        <source>为选中的材料附加扫描件、照片或 PDF（Ctrl+Shift+O）</source>
        <translation>Attach scans, photos or PDFs to the selected document (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>拍照…</source>
        <translation>Photograph…</translation>
    </message>
    <message>
        <source>用高拍仪或摄像头拍摄当前材料</source>
        <translation>Photograph the current document with the document camera</translation>
    </message>
    <message>
        <source>用高拍仪或摄像头拍摄选中的材料（Ctrl+Shift+P）</source>
        <translation>Photograph the selected document with the document camera (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>扫描…</source>
        <translation>Scan…</translation>
    </message>
    <message>
        <source>用扫描仪扫描当前材料</source>
        <translation>Scan the current document on the scanner</translation>
    </message>
    <message>
        <source>已附加的文件</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <source>未归类</source>
        <translation>Unsorted</translation>
    </message>
    <message>
        <source>选择材料的扫描件或 PDF</source>
        <translation>Choose scans or PDFs of the document</translation>
    </message>
    <message>
        <source>正在查找扫描仪…</source>
        <translation>Looking for a scanner…</translation>
    </message>
    <message>
        <source>用扫描仪扫描选中的材料（Ctrl+Shift+S）：{name}</source>
        <translation>Scan the selected document on the scanner (Ctrl+Shift+S): {name}</translation>
    </message>
    <message>
        <source>未找到扫描仪：请连接扫描仪、安装驱动后重新打开表单；也可以附加文件或用高拍仪拍照</source>
        <translation>No scanner found: connect a scanner, install its driver and reopen the form; or attach files or use the document camera</translation>
    </message>
    <message>
        <source>尚未附加文件：在材料清单中选中一项后按 Ctrl+Shift+O 附加扫描件，Ctrl+Shift+P 拍照，或 Ctrl+Shift+S 扫描</source>
        <translation>No files attached: select a document in the checklist, then Ctrl+Shift+O attaches scans, Ctrl+Shift+P takes a photo, Ctrl+Shift+S scans</translation>
    </message>
    <message>
        <source>{name} {n} 个文件</source>
        <translation>{name}: {n} file(s)</translation>
    </message>
    <message>
        <source>已附加：</source>
        <translation>Attached: </translation>
    </message>
    <message>
        <source>（受理后存档并上传中心）</source>
        <translation> (archived and sent to the centre once accepted)</translation>
    </message>
    <message>
        <source>拍摄材料</source>
        <translation>Photograph documents</translation>
    </message>
    <message>
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>正在打开摄像头…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>摄像头画面</source>
        <translation>Camera picture</translation>
    </message>
    <message>
        <source>拍摄（空格）</source>
        <translation>Capture (Space)</translation>
    </message>
    <message>
        <source>拍摄</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>完成（回车）</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>完成拍摄</source>
        <translation>Finish capturing</translation>
    </message>
    <message>
        <source>未检测到摄像头或高拍仪：请连接后重新打开，或改用“附加文件”</source>
        <translation>No camera or document camera found: connect one and open this again, or use “Attach files”</translation>
    </message>
    <message>
        <source>摄像头出错：</source>
        <translation>Camera error: </translation>
    </message>
    <message>
        <source>无法保存照片：</source>
        <translation>Could not save the photo: </translation>
    </message>
    <message>
        <source>已拍摄 {n} 张</source>
        <translation>{n} photo(s) taken</translation>
    </message>
    <message>
        <source>对准材料后按空格拍摄</source>
        <translation>Point at the document and press Space</translation>
    </message>
    <message>
        <source>合作协议 {no}</source>
        <translation>agreement {no}</translation>
    </message>
    <message>
        <source>有效期至 {day}</source>
        <translation>valid until {day}</translation>
    </message>
    <message>
        <source>读卡(F8)</source>
        <translation>Read card (F8)</translation>
    </message>
    <message>
        <source>读身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <source>从身份证阅读器读卡，填入证件号码、姓名、性别、出生日期（F8）</source>
        <translation>Read the ID card on the reader and fill in the ID number, name, sex and date of birth (F8)</translation>
    </message>
    <message>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>证件照片</source>
        <translation>ID photo</translation>
    </message>
    <message>
        <source>正在读卡，请勿移动身份证…</source>
        <translation>Reading the card, do not move it…</translation>
    </message>
    <message>
        <source>阅读器无响应：请检查读卡器的连接，拔下USB线重新插上后再按 F8；也可以手工录入</source>
        <translation>The reader does not answer: check its cable, unplug and replug the USB lead, then press F8 again; or type the details in</translation>
    </message>
    <message>
        <source>读卡失败：</source>
        <translation>Card read failed: </translation>
    </message>
    <message>
        <source>不能受理：</source>
        <translation>Cannot accept: </translation>
    </message>
    <message>
        <source>材料</source>
        <translation>document </translation>
    </message>
    <message>
        <source>已读卡，填入：</source>
        <translation>Card read, filled in: </translation>
    </message>
    <message>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <source>{}族</source>
        <translation>{} ethnicity</translation>
    </message>
    <message>
        <source>出生</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>签发机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>有效期限</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>扫描材料</source>
        <translation>Scan documents</translation>
    </message>
    <message>
        <source>扫描仪</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>将材料正面朝下放在扫描仪上，按回车开始扫描</source>
        <translation>Place the document face down on the scanner and press Enter to scan</translation>
    </message>
    <message>
        <source>扫描结果</source>
        <translation>Scanned page</translation>
    </message>
    <message>
        <source>扫描状态</source>
        <translation>Scan status</translation>
    </message>
    <message>
        <source>扫描（回车）</source>
        <translation>Scan (Enter)</translation>
    </message>
    <message>
        <source>扫描一页</source>
        <translation>Scan a page</translation>
    </message>
    <message>
        <source>取消扫描（Esc）</source>
        <translation>Cancel scan (Esc)</translation>
    </message>
    <message>
        <source>取消正在进行的扫描</source>
        <translation>Cancel the scan in progress</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>完成扫描</source>
        <translation>Finish scanning</translation>
    </message>
    <message>
        <source>正在扫描第 {n} 页…</source>
        <translation>Scanning page {n}…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>已纠偏 {deg}°</source>
        <translation>straightened by {deg}°</translation>
    </message>
    <message>
        <source>页面端正</source>
        <translation>page straight</translation>
    </message>
    <message>
        <source>第 {n} 页已扫描（{straight}）</source>
        <translation>Page {n} scanned ({straight})</translation>
    </message>
    <message>
        <source>，按回车扫描下一页</source>
        <translation>, press Enter to scan the next page</translation>
    </message>
    <message>
        <source>扫描已取消，没有保留这一页</source>
        <translation>Scan cancelled; the page was not kept</translation>
    </message>
    <message>
        <source>已扫描 {n} 页</source>
        <translation>{n} pages scanned</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>主管复核</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <source>授权</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>升级程序前和恢复备份前会自动保存一份数据。</source>
        <translation>A copy of the data is saved automatically before an upgrade and before a restore.</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>从文件恢复…</source>
        <translation>Restore from file…</translation>
    </message>
</context>
<context>
    <name>BusinessForm</name>
    <message>
        <source>Enter 下一项 · Ctrl+Enter 提交 · Esc 取消</source>
        <translation>Enter next · Ctrl+Enter submit · Esc cancel</translation>
    </message>
    <message>
        <source>材料清单（一次性告知）</source>
        <translation>Documents checklist (one-time notice)</translation>
    </message>
    <message>
        <source>勾选已收到的材料：空格 勾选当前项 · 1–9 勾选第N项 · A 全部收齐（在任一项按 F7 亦可）</source>
        <translation>Tick the materials received: Space ticks the current item · 1–9 tick item N · A: all received (F7 from any field)</translation>
    </message>
    <message>
        <source>打印一次性告知单(&amp;N)</source>
        <translation>Print one-time &amp;notice</translation>
    </message>
    <message>
        <source>把尚缺的材料一次性告知申请人（Ctrl+N）</source>
        <translation>Tell the applicant everything still missing at once (Ctrl+N)</translation>
    </message>
    <message>
        <source>受理成功</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>受理回执编号：</source>
        <translation>Receipt number: </translation>
    </message>
    <message>
        <source>受理回执编号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>打印受理回执(&amp;R)</source>
        <translation>Print &amp;receipt</translation>
    </message>
    <message>
        <source>打印申请表(&amp;A)</source>
        <translation>Print &amp;application form</translation>
    </message>
    <message>
        <source>办理下一笔(&amp;X)</source>
        <translation>Ne&amp;xt client</translation>
    </message>
    <message>
        <source>同单位办理下一笔(&amp;W)</source>
        <translation>Next, same employer (&amp;W)</translation>
    </message>
    <message>
        <source>下一位职工：单位保留（单位名称和缴存比例随之填写），其余各项清空</source>
        <translation>The next worker: the employer stays (its name and contribution ratios follow); everything else is cleared</translation>
    </message>
    <message>
        <source>尚需处理的事项</source>
        <translation>Still to do</translation>
    </message>
    <message>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>提交受理 (Ctrl+Enter)</source>
        <translation>Submit (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>提交受理</source>
        <translation>Submit</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>为其办理：</source>
        <translation>Start for them:</translation>
    </message>
    <message>
        <source>近期申请及中心意见</source>
        <translation>Recent applications and centre decisions</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>请您核对 · 服务评价</source>
        <translation>Please check · Rate our service</translation>
    </message>
    <message>
        <source>欢迎办理住房公积金业务</source>
        <translation>Welcome to the housing provident fund counter</translation>
    </message>
    <message>
        <source>办理业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>姓名/单位</source>
        <translation>Name / employer</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>尚缺材料</source>
        <translation>Documents missing</translation>
    </message>
    <message>
        <source>业务已受理，请对本次服务进行评价</source>
        <translation>Your application is accepted. Please rate our service</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>导出表格(&amp;E)</source>
        <translation>&amp;Export table</translation>
    </message>
    <message>
        <source>把每日受理量导出为 Excel（XLSX）或 CSV 文件</source>
        <translation>Export applications per day to Excel (XLSX) or CSV</translation>
    </message>
    <message>
        <source>扩面完成情况</source>
        <translation>Coverage progress</translation>
    </message>
    <message>
        <source>等待中心决定</source>
        <translation>Awaiting the centre&apos;s decision</translation>
    </message>
    <message>
        <source>逾期执法案件</source>
        <translation>Overdue enforcement cases</translation>
    </message>
    <message>
        <source>未办结投诉</source>
        <translation>Open complaints</translation>
    </message>
    <message>
        <source>补缴提醒</source>
        <translation>Payback reminders</translation>
    </message>
    <message>
        <source>逾期催收</source>
        <translation>Overdue loans</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>柜员登录 — counter-app</source>
        <translation>Clerk login — counter-app</translation>
    </message>
    <message>
        <source>住房公积金服务站窗口系统</source>
        <translation>Housing Provident Fund Service Station Counter</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>住房公积金乡镇服务站窗口系统</source>
        <translation>Housing Provident Fund Counter</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>身份证号、统一社会信用代码、账号、姓名或拼音首字母（Ctrl+F / F3）</source>
        <translation>ID number, credit code, account, name or pinyin initials (Ctrl+F / F3)</translation>
    </message>
    <message>
        <source>查找职工或单位</source>
        <translation>Find worker or employer</translation>
    </message>
    <message>
        <source>窗口受理</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>从左侧选择业务，或在上方查找职工、单位。每项业务都有快捷键，鼠标悬停可查看。</source>
        <translation>Pick a business on the left or find a worker or employer above. Every business has a shortcut: hover to see it.</translation>
    </message>
    <message>
        <source>未完成的录入（双击或按 Enter 继续）</source>
        <translation>Unfinished input (double-click or Enter to continue)</translation>
    </message>
    <message>
        <source>未完成的录入</source>
        <translation>Unfinished input</translation>
    </message>
    <message>
        <source>本窗口近期受理</source>
        <translation>Recently taken at this counter</translation>
    </message>
    <message>
        <source>业务(&amp;B)</source>
        <translation>&amp;Business</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>查询本窗口受理记录（Ctrl+Q）</source>
        <translation>Records taken at this counter (Ctrl+Q)</translation>
    </message>
    <message>
        <source>打印/补打</source>
        <translation>Print/Reprint</translation>
    </message>
    <message>
        <source>打印或补打受理回执、申请表（Ctrl+P）</source>
        <translation>Print or reprint a receipt or form (Ctrl+P)</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>立即与管理中心同步（F5）</source>
        <translation>Synchronise with the centre now (F5)</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为(&amp;S)…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>受理记录查询</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>业务(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>按业务筛选</source>
        <translation>Filter by business</translation>
    </message>
    <message>
        <source>状态(&amp;S)</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>受理记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>补打受理回执(&amp;R)</source>
        <translation>&amp;Reprint receipt</translation>
    </message>
    <message>
        <source>打印申请表(&amp;A)</source>
        <translation>Print &amp;application form</translation>
    </message>
    <message>
        <source>打印档案封面(&amp;V)</source>
        <translation>Archive co&amp;ver sheet</translation>
    </message>
    <message>
        <source>所选业务的档案封面：材料、页数和附件的 SHA-256 目录（Ctrl+Shift+A）</source>
        <translation>The selected application&apos;s archive cover sheet: materials, page counts and the SHA-256 index of its files (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>打印所选业务的档案封面</source>
        <translation>Print the selected application&apos;s archive cover sheet</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>打印/补打</source>
        <translation>Print/Reprint</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>打印内容</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>补打原因</source>
        <translation>Reprint reason</translation>
    </message>
    <message>
        <source>原件遗失</source>
        <translation>Original lost</translation>
    </message>
    <message>
        <source>打印不清或卡纸</source>
        <translation>Illegible print or paper jam</translation>
    </message>
    <message>
        <source>申请人另需一份</source>
        <translation>Applicant needs another copy</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>记住的打印机</source>
        <translation>Remembered printers</translation>
    </message>
    <message>
        <source>清除(&amp;C)</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <source>身份证阅读器(&amp;R)</source>
        <translation>ID card &amp;reader</translation>
    </message>
    <message>
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <source>vendor（厂商驱动）、vendor:驱动库路径 或 sim:模拟卡文件</source>
        <translation>vendor (the vendor&apos;s driver), vendor:LIBRARY PATH or sim:CARD FILE</translation>
    </message>
    <message>
        <source>读卡（F8）所用的阅读器；环境变量 COUNTER_IDCARD_READER 优先</source>
        <translation>The reader Read card (F8) uses; the COUNTER_IDCARD_READER environment variable takes precedence</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>详细情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>导出表格(&amp;E)</source>
        <translation>&amp;Export table</translation>
    </message>
    <message>
        <source>把上表导出为 Excel（XLSX）或 CSV 文件</source>
        <translation>Export the table to Excel (XLSX) or CSV</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <source>站点设置</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>中心连接</source>
        <translation>Centre connection</translation>
    </message>
    <message>
        <source>打印机和语言</source>
        <translation>Printers and language</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>个人住房公积金账户设立</source>
        <translation>Open a personal fund account</translation>
    </message>
    <message>
        <source>开户</source>
        <translation>Open account</translation>
    </message>
    <message>
        <source>住房公积金个人账户设立登记表</source>
        <translation>Personal account registration form</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <source>身份信息</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>军官证</source>
        <translation>Military officer card</translation>
    </message>
    <message>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>Foreign permanent residence card</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>18位居民身份证号码，末位X大小写均可</source>
        <translation>18-character resident ID; final X in either case</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>女性的法定退休年龄按身份确定：职工原50岁、干部原55岁</source>
        <translation>A woman&apos;s statutory retirement age depends on her category: worker 50, cadre 55 (before the 2024 raise)</translation>
    </message>
    <message>
        <source>职工（女50岁）</source>
        <translation>Worker (women 50)</translation>
    </message>
    <message>
        <source>干部（女55岁）</source>
        <translation>Cadre (women 55)</translation>
    </message>
    <message>
        <source>手机号码</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>固定电话</source>
        <translation>Landline</translation>
    </message>
    <message>
        <source>通讯地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>邮政编码</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>未婚</source>
        <translation>Single</translation>
    </message>
    <message>
        <source>已婚</source>
        <translation>Married</translation>
    </message>
    <message>
        <source>丧偶</source>
        <translation>Widowed</translation>
    </message>
    <message>
        <source>离婚</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <source>未说明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>银行账户</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>银行卡号</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>所在单位统一社会信用代码</source>
        <translation>Employer credit code (USCC)</translation>
    </message>
    <message>
        <source>缴存信息</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>缴存基数（元/月）</source>
        <translation>Contribution base (yuan/month)</translation>
    </message>
    <message>
        <source>上年度月平均工资</source>
        <translation>Last year&apos;s average monthly wage</translation>
    </message>
    <message>
        <source>个人缴存比例（%）</source>
        <translation>Worker ratio (%)</translation>
    </message>
    <message>
        <source>单位缴存比例（%）</source>
        <translation>Employer ratio (%)</translation>
    </message>
    <message>
        <source>起缴年月</source>
        <translation>First month</translation>
    </message>
    <message>
        <source>格式：2026-11</source>
        <translation>Format: 2026-11</translation>
    </message>
    <message>
        <source>已收材料</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <source>材料清单（一次性告知）</source>
        <translation>Documents checklist (one-time notice)</translation>
    </message>
    <message>
        <source>单位住房公积金缴存登记（建制）</source>
        <translation>Employer registration</translation>
    </message>
    <message>
        <source>单位建制</source>
        <translation>Employer registration</translation>
    </message>
    <message>
        <source>住房公积金单位缴存登记表</source>
        <translation>Employer registration form</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>单位信息</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Employer name</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>单位地址</source>
        <translation>Employer address</translation>
    </message>
    <message>
        <source>经办联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系人手机</source>
        <translation>Contact mobile</translation>
    </message>
    <message>
        <source>缴存银行</source>
        <translation>Contribution bank</translation>
    </message>
    <message>
        <source>单位银行账号</source>
        <translation>Employer bank account</translation>
    </message>
    <message>
        <source>职工缴存比例（%）</source>
        <translation>Worker ratio (%)</translation>
    </message>
    <message>
        <source>首次缴存年月</source>
        <translation>First contribution month</translation>
    </message>
    <message>
        <source>住房公积金提取</source>
        <translation>Fund withdrawal</translation>
    </message>
    <message>
        <source>提取</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>住房公积金提取申请表</source>
        <translation>Withdrawal application form</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>提取原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>提取信息</source>
        <translation>Withdrawal</translation>
    </message>
    <message>
        <source>具体情形</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>租房提取：公共租赁住房或商品住房，所需材料不同</source>
        <translation>Rent: public rental or commercial housing need different documents</translation>
    </message>
    <message>
        <source>离休、退休提取按法定退休年龄核对：女职工原50岁、女干部原55岁</source>
        <translation>Retirement withdrawals check the statutory age: women workers 50, women cadres 55 (before the raise)</translation>
    </message>
    <message>
        <source>提取金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>实际发生金额（元）</source>
        <translation>Amount actually paid (yuan)</translation>
    </message>
    <message>
        <source>实付款或剩余贷款本息</source>
        <translation>Amount paid or loan still owed</translation>
    </message>
    <message>
        <source>如发票开具、租赁起始日</source>
        <translation>e.g. invoice date, lease start</translation>
    </message>
    <message>
        <source>购房、租赁或贷款合同号</source>
        <translation>Purchase, lease or loan contract no.</translation>
    </message>
    <message>
        <source>公积金贷款提前结清</source>
        <translation>Early settlement of a fund loan</translation>
    </message>
    <message>
        <source>提前结清</source>
        <translation>Early settlement</translation>
    </message>
    <message>
        <source>住房公积金贷款提前结清申请表</source>
        <translation>Fund loan early settlement application form</translation>
    </message>
    <message>
        <source>贷款合同编号</source>
        <translation>Loan contract no.</translation>
    </message>
    <message>
        <source>贷款</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>结清日期</source>
        <translation>Settlement date</translation>
    </message>
    <message>
        <source>结清</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>当日至30天内；利息按日计算至结清日</source>
        <translation>Today or within 30 days; interest accrues daily to the settlement date</translation>
    </message>
    <message>
        <source>结清金额（元）</source>
        <translation>Payoff amount (yuan)</translation>
    </message>
    <message>
        <source>剩余本金＋至结清日的利息</source>
        <translation>Remaining principal + interest to the settlement date</translation>
    </message>
    <message>
        <source>其中提取公积金还款（元）</source>
        <translation>Of which from the fund account (yuan)</translation>
    </message>
    <message>
        <source>公积金贷款部分提前还款</source>
        <translation>Partial prepayment of a fund loan</translation>
    </message>
    <message>
        <source>提前还款</source>
        <translation>Prepayment</translation>
    </message>
    <message>
        <source>住房公积金贷款部分提前还款申请表</source>
        <translation>Fund loan partial prepayment application form</translation>
    </message>
    <message>
        <source>提前还款金额（元）</source>
        <translation>Prepayment amount (yuan)</translation>
    </message>
    <message>
        <source>少于剩余本金；全部还清请办理提前结清</source>
        <translation>Less than the remaining principal; to repay everything use early settlement</translation>
    </message>
    <message>
        <source>还款后调整方式</source>
        <translation>After the prepayment</translation>
    </message>
    <message>
        <source>缩短期限</source>
        <translation>Shorter term</translation>
    </message>
    <message>
        <source>减少月供</source>
        <translation>Lower payment</translation>
    </message>
    <message>
        <source>公积金贷款月对冲签约</source>
        <translation>Monthly offset from the fund account: sign</translation>
    </message>
    <message>
        <source>对冲签约</source>
        <translation>Offset sign</translation>
    </message>
    <message>
        <source>住房公积金贷款月对冲还款签约申请表</source>
        <translation>Fund loan monthly offset agreement application form</translation>
    </message>
    <message>
        <source>对冲账户所属</source>
        <translation>Offset account holder</translation>
    </message>
    <message>
        <source>对冲账户</source>
        <translation>Offset account</translation>
    </message>
    <message>
        <source>借款人本人</source>
        <translation>The borrower</translation>
    </message>
    <message>
        <source>借款人配偶</source>
        <translation>The borrower&apos;s spouse</translation>
    </message>
    <message>
        <source>对冲账户人身份证号码</source>
        <translation>Offset account holder&apos;s ID number</translation>
    </message>
    <message>
        <source>配偶或共同借款人的账户时填写</source>
        <translation>For a spouse&apos;s or co-borrower&apos;s account</translation>
    </message>
    <message>
        <source>公积金贷款月对冲解约</source>
        <translation>Monthly offset from the fund account: cancel</translation>
    </message>
    <message>
        <source>对冲解约</source>
        <translation>Offset cancel</translation>
    </message>
    <message>
        <source>住房公积金贷款月对冲还款解约申请表</source>
        <translation>Fund loan monthly offset cancellation form</translation>
    </message>
    <message>
        <source>解约原因</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>公积金贷款困难缓期还款</source>
        <translation>Hardship deferred repayment of a fund loan</translation>
    </message>
    <message>
        <source>缓期还款</source>
        <translation>Deferred repayment</translation>
    </message>
    <message>
        <source>住房公积金贷款缓期还款申请表</source>
        <translation>Fund loan deferred repayment application form</translation>
    </message>
    <message>
        <source>缓期起始年月</source>
        <translation>Deferral from (month)</translation>
    </message>
    <message>
        <source>缓期月数</source>
        <translation>Months deferred</translation>
    </message>
    <message>
        <source>最长6个月</source>
        <translation>At most 6 months</translation>
    </message>
    <message>
        <source>困难情况说明</source>
        <translation>Hardship explained</translation>
    </message>
    <message>
        <source>如失业、重大疾病、受灾等，并提供证明材料</source>
        <translation>E.g. unemployment, serious illness, disaster; bring the proof</translation>
    </message>
    <message>
        <source>楼盘项目准入</source>
        <translation>Housing project admission</translation>
    </message>
    <message>
        <source>楼盘准入</source>
        <translation>Project admission</translation>
    </message>
    <message>
        <source>住房公积金贷款楼盘项目合作准入申请表</source>
        <translation>Housing Fund Loan Project Cooperation Admission Form</translation>
    </message>
    <message>
        <source>开发企业统一社会信用代码</source>
        <translation>Developer&apos;s unified social credit code</translation>
    </message>
    <message>
        <source>开发企业</source>
        <translation>Developer</translation>
    </message>
    <message>
        <source>开发企业名称</source>
        <translation>Developer name</translation>
    </message>
    <message>
        <source>库中已有的单位可不填</source>
        <translation>May be left blank for an employer already on record</translation>
    </message>
    <message>
        <source>办理类型</source>
        <translation>Type of admission</translation>
    </message>
    <message>
        <source>新楼盘准入</source>
        <translation>New project admission</translation>
    </message>
    <message>
        <source>老楼盘补录（已签合作协议）</source>
        <translation>Back-fill of an old project (agreement signed)</translation>
    </message>
    <message>
        <source>楼盘项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>楼盘项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>购买新建商品房时填写已准入的楼盘项目名称（可输入拼音首字母选择）</source>
        <translation>For a new commercial house: the admitted project&apos;s name (type its pinyin initials to pick)</translation>
    </message>
    <message>
        <source>项目坐落</source>
        <translation>Project address</translation>
    </message>
    <message>
        <source>所在区县</source>
        <translation>District or county</translation>
    </message>
    <message>
        <source>楼栋数</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <source>总套数</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>国有土地使用证号</source>
        <translation>State land use certificate no.</translation>
    </message>
    <message>
        <source>证照</source>
        <translation>Permits</translation>
    </message>
    <message>
        <source>建设用地规划许可证号</source>
        <translation>Land use planning permit no.</translation>
    </message>
    <message>
        <source>建设工程规划许可证号</source>
        <translation>Construction works planning permit no.</translation>
    </message>
    <message>
        <source>建筑工程施工许可证号</source>
        <translation>Building construction permit no.</translation>
    </message>
    <message>
        <source>商品房预售许可证号</source>
        <translation>Presale permit no.</translation>
    </message>
    <message>
        <source>资金监管银行</source>
        <translation>Escrow bank</translation>
    </message>
    <message>
        <source>预售资金监管</source>
        <translation>Presale fund escrow</translation>
    </message>
    <message>
        <source>资金监管账号</source>
        <translation>Escrow account no.</translation>
    </message>
    <message>
        <source>合作协议编号</source>
        <translation>Cooperation agreement no.</translation>
    </message>
    <message>
        <source>老楼盘补录</source>
        <translation>Old project back-fill</translation>
    </message>
    <message>
        <source>协议签订日期</source>
        <translation>Agreement signed on</translation>
    </message>
    <message>
        <source>协议有效期至</source>
        <translation>Agreement valid until</translation>
    </message>
    <message>
        <source>档案已有材料</source>
        <translation>Documents already on file</translation>
    </message>
    <message>
        <source>老楼盘档案中已有、本次不再提交的材料名称，用顿号分隔</source>
        <translation>Documents the old project&apos;s file already holds (not brought again), separated by 、</translation>
    </message>
    <message>
        <source>住房公积金异地转移接续（转入）</source>
        <translation>Housing fund transfer from another region (in)</translation>
    </message>
    <message>
        <source>异地转入</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>住房公积金异地转移接续申请表（转入）</source>
        <translation>Housing Fund Inter-Regional Transfer Application (In)</translation>
    </message>
    <message>
        <source>到账后短信告知</source>
        <translation>A text message tells when the money arrives</translation>
    </message>
    <message>
        <source>转出地城市</source>
        <translation>Source city</translation>
    </message>
    <message>
        <source>转出地</source>
        <translation>Source region</translation>
    </message>
    <message>
        <source>如 甘肃省兰州市</source>
        <translation>e.g. Lanzhou, Gansu</translation>
    </message>
    <message>
        <source>转出地公积金中心</source>
        <translation>Source fund centre</translation>
    </message>
    <message>
        <source>转出地个人账号</source>
        <translation>Account no. at the source</translation>
    </message>
    <message>
        <source>转移金额（元）</source>
        <translation>Amount to transfer (yuan)</translation>
    </message>
    <message>
        <source>转出地账户余额，以转出地中心核定为准</source>
        <translation>Balance at the source; the source centre&apos;s figure prevails</translation>
    </message>
    <message>
        <source>住房公积金异地转移接续（转出）</source>
        <translation>Housing fund transfer to another region (out)</translation>
    </message>
    <message>
        <source>异地转出</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <source>住房公积金异地转移接续申请表（转出）</source>
        <translation>Housing Fund Inter-Regional Transfer Application (Out)</translation>
    </message>
    <message>
        <source>转入地城市</source>
        <translation>Destination city</translation>
    </message>
    <message>
        <source>转入地</source>
        <translation>Destination region</translation>
    </message>
    <message>
        <source>如 陕西省西安市</source>
        <translation>e.g. Xi&apos;an, Shaanxi</translation>
    </message>
    <message>
        <source>转入地公积金中心</source>
        <translation>Destination fund centre</translation>
    </message>
    <message>
        <source>转入地个人账号</source>
        <translation>Account no. at the destination</translation>
    </message>
    <message>
        <source>须已在转入地开立个人账户</source>
        <translation>An account must already be open at the destination</translation>
    </message>
    <message>
        <source>转入地工作单位</source>
        <translation>Employer at the destination</translation>
    </message>
    <message>
        <source>异地购房提取住房公积金</source>
        <translation>Withdrawal for a home bought in another city</translation>
    </message>
    <message>
        <source>异地购房提取</source>
        <translation>Offsite purchase withdrawal</translation>
    </message>
    <message>
        <source>住房公积金提取申请表（异地购房）</source>
        <translation>Housing Fund Withdrawal Application (Home in Another City)</translation>
    </message>
    <message>
        <source>购房所在城市</source>
        <translation>City of the home</translation>
    </message>
    <message>
        <source>异地购房</source>
        <translation>Home in another city</translation>
    </message>
    <message>
        <source>房屋坐落</source>
        <translation>Address of the home</translation>
    </message>
    <message>
        <source>购房合同编号</source>
        <translation>Purchase contract no.</translation>
    </message>
    <message>
        <source>购房地网签备案的合同编号</source>
        <translation>Contract no. as filed online in that city</translation>
    </message>
    <message>
        <source>购房发票开具日期</source>
        <translation>Purchase invoice date</translation>
    </message>
    <message>
        <source>实际支付的购房款（元）</source>
        <translation>Purchase price actually paid (yuan)</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>待上传中心</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>中心已接收</source>
        <translation>Received by centre</translation>
    </message>
    <message>
        <source>已核准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>不予核准</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>需补充材料</source>
        <translation>Needs more documents</translation>
    </message>
    <message>
        <source>冲突待处理</source>
        <translation>Conflict to resolve</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>封存</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>合并销户</source>
        <translation>Closed (merged)</translation>
    </message>
    <message>
        <source>外部转出销户</source>
        <translation>Closed (transferred out)</translation>
    </message>
    <message>
        <source>提取销户</source>
        <translation>Closed (withdrawn)</translation>
    </message>
    <message>
        <source>冻结</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>还款中</source>
        <translation>Repaying</translation>
    </message>
    <message>
        <source>已结清</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>销户</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>事件日期</source>
        <translation>Event date</translation>
    </message>
    <message>
        <source>合同/凭证编号</source>
        <translation>Contract/document no.</translation>
    </message>
    <message>
        <source>收款银行卡号</source>
        <translation>Payout bank card</translation>
    </message>
    <message>
        <source>个人住房公积金贷款受理</source>
        <translation>Fund loan application</translation>
    </message>
    <message>
        <source>贷款受理</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>个人住房公积金贷款申请受理单</source>
        <translation>Loan application form</translation>
    </message>
    <message>
        <source>借款人身份证号码</source>
        <translation>Borrower ID number</translation>
    </message>
    <message>
        <source>借款人</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>借款人类别</source>
        <translation>Borrower category</translation>
    </message>
    <message>
        <source>工作单位所在区县</source>
        <translation>District of workplace</translation>
    </message>
    <message>
        <source>其余缴存职工的最高额度按工作所在的区、县确定</source>
        <translation>Other contributors&apos; cap depends on the district or county they work in</translation>
    </message>
    <message>
        <source>贷款到期不晚于法定退休年龄后若干年：女职工原50岁、女干部原55岁</source>
        <translation>The loan ends within some years after the statutory retirement age: women workers 50, women cadres 55</translation>
    </message>
    <message>
        <source>月收入（元）</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <source>还款能力</source>
        <translation>Repayment capacity</translation>
    </message>
    <message>
        <source>现有月还款额（元）</source>
        <translation>Existing monthly debt (yuan)</translation>
    </message>
    <message>
        <source>房屋总价（元）</source>
        <translation>House price (yuan)</translation>
    </message>
    <message>
        <source>贷款信息</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>第二套住房</source>
        <translation>Second home</translation>
    </message>
    <message>
        <source>申请贷款金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>贷款期限（月）</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <source>还款方式</source>
        <translation>Repayment method</translation>
    </message>
    <message>
        <source>等额本息</source>
        <translation>Equal instalment</translation>
    </message>
    <message>
        <source>等额本金</source>
        <translation>Equal principal</translation>
    </message>
    <message>
        <source>共同借款人身份证号码</source>
        <translation>Co-borrower ID number</translation>
    </message>
    <message>
        <source>共同借款人</source>
        <translation>Co-borrower</translation>
    </message>
    <message>
        <source>个人信息变更</source>
        <translation>Personal information change</translation>
    </message>
    <message>
        <source>信息变更</source>
        <translation>Info change</translation>
    </message>
    <message>
        <source>住房公积金个人信息变更确认单</source>
        <translation>Information change form</translation>
    </message>
    <message>
        <source>变更人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>新证件类型</source>
        <translation>New ID type</translation>
    </message>
    <message>
        <source>变更内容（只填要变更的项目）</source>
        <translation>Changes (fill only what changes)</translation>
    </message>
    <message>
        <source>新证件号码</source>
        <translation>New ID number</translation>
    </message>
    <message>
        <source>新姓名</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>新性别</source>
        <translation>New sex</translation>
    </message>
    <message>
        <source>新身份</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>新手机号码</source>
        <translation>New mobile</translation>
    </message>
    <message>
        <source>新固定电话</source>
        <translation>New landline</translation>
    </message>
    <message>
        <source>新通讯地址</source>
        <translation>New address</translation>
    </message>
    <message>
        <source>新邮政编码</source>
        <translation>New postcode</translation>
    </message>
    <message>
        <source>新婚姻状况</source>
        <translation>New marital status</translation>
    </message>
    <message>
        <source>新开户银行</source>
        <translation>New bank</translation>
    </message>
    <message>
        <source>新银行卡号</source>
        <translation>New bank card</translation>
    </message>
    <message>
        <source>单位缓缴住房公积金申请</source>
        <translation>Employer deferral application</translation>
    </message>
    <message>
        <source>缓缴</source>
        <translation>Deferral</translation>
    </message>
    <message>
        <source>住房公积金缓缴申请表</source>
        <translation>Deferral application form</translation>
    </message>
    <message>
        <source>单位统一社会信用代码</source>
        <translation>Employer credit code (USCC)</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>缓缴起始年月</source>
        <translation>From month</translation>
    </message>
    <message>
        <source>缓缴期间</source>
        <translation>Deferral period</translation>
    </message>
    <message>
        <source>缓缴截止年月</source>
        <translation>To month</translation>
    </message>
    <message>
        <source>缓缴原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>已经职工代表大会或工会讨论通过</source>
        <translation>Approved by the workers&apos; congress or union</translation>
    </message>
</context>
</TS>
