<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="42"/>
        <source>添加工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="50"/>
        <source>（不固定窗口）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="60"/>
        <source>可留空，本人首次登录时设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="61"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="62"/>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="63"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="64"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="65"/>
        <source>上岗培训日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="66"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="77"/>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AfterHoursPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="94"/>
        <source>延时服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="97"/>
        <source>到下班时间仍有群众等候办事的，不得推诿，延时服务至办完为止。下班后登记的办件自动计入当次延时服务。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="111"/>
        <source>留下服务的工作人员：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="116"/>
        <source>开始延时服务（已到下班时间仍有群众等候）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="130"/>
        <source>结束延时服务…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="140"/>
        <source>每月延时服务记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="147"/>
        <source>‹ 上月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="148"/>
        <source>下月 ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="191"/>
        <source>延时服务进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="192"/>
        <source>自 %1（下班时间）起；工作人员：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="196"/>
        <source>下班后已登记办件 %1 件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="198"/>
        <source>下班后登记的办件会自动计入，目前还没有。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="228"/>
        <source>%1年%2月：延时服务 &lt;b&gt;%3&lt;/b&gt; 次，共 &lt;b&gt;%4&lt;/b&gt; 分钟，服务群众 &lt;b&gt;%5&lt;/b&gt; 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="236"/>
        <source>进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="237"/>
        <source>%1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="262"/>
        <source>还不能开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="262"/>
        <source>请勾选留下服务的工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="268"/>
        <source>还没到下班时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="269"/>
        <source>下班时间是 %1，现在还没到。仍然开始今天的延时服务吗？（时长从下班时间算起）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="273"/>
        <source>不能开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="286"/>
        <source>不能结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="288"/>
        <source>延时服务已结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="289"/>
        <source>%1–%2，共 %3 分钟，服务群众 %4 人。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="167"/>
        <source>新预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="182"/>
        <source>预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="195"/>
        <source>放弃预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="196"/>
        <source>已填写的内容不会保存。确定放弃这次预约？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="202"/>
        <source>预约人与时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="217"/>
        <source>窗口办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="223"/>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="257"/>
        <source>预约人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="226"/>
        <source>可不填；办理时再核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="228"/>
        <source>必填：提前联系或改期用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="243"/>
        <source> 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="252"/>
        <source>如：行动不便，需上门采集信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="254"/>
        <source>预约渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="255"/>
        <source>服务方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="258"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="259"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="260"/>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="315"/>
        <source>住址/村组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="262"/>
        <source>预约时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="264"/>
        <source>预计时长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="265"/>
        <source>负责工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="266"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="279"/>
        <source>办理事项与一次性告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="283"/>
        <source>输入事项名称或拼音首字母，如 ylbx（养老保险）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="289"/>
        <source>请先选择办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="294"/>
        <source>请告知预约人带齐以下全部材料（一次性告知）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="315"/>
        <source>上门地址 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="316"/>
        <source>上门服务必填，如 西沟村四组12号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="317"/>
        <source>如 西沟村三组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="319"/>
        <source>在工作日到窗口办理，按约定时间优先接待。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="320"/>
        <source>对行动不便等特殊群体上门服务，一般由帮办代办员前往。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="321"/>
        <source>法定节假日、休息日预约办理，须安排人员值班。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="336"/>
        <source>缺少 %1 年放假安排，无法核对当天是否上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="338"/>
        <source>%1 工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="340"/>
        <source>%1 休息日：只能约“节假日服务”或“上门服务”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="356"/>
        <source>当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="357"/>
        <source>承诺时限 %1 个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="360"/>
        <source>须本人到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="365"/>
        <source>材料清单尚未经县级核实，告知前请与镇中心核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="401"/>
        <source>请选择办理事项（可输入名称或拼音首字母查找）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="403"/>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="410"/>
        <source>还不能预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="404"/>
        <source>请按红框处的提示改正后再预约：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="413"/>
        <source>已预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="419"/>
        <source>预约编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="420"/>
        <source>预约人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="421"/>
        <source>时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="423"/>
        <source>方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="425"/>
        <source>事项：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="426"/>
        <source>负责：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="428"/>
        <source>已告知预约人带齐以下材料：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_dialog.py" line="431"/>
        <source>请注意：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="104"/>
        <source>预约服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="104"/>
        <source>新预约…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="121"/>
        <source>今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="131"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="141"/>
        <source>按日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="142"/>
        <source>按周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="177"/>
        <source>已服务（转办件）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="178"/>
        <source>未到…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="179"/>
        <source>申请人取消…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="180"/>
        <source>改期…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="181"/>
        <source>打印预约确认单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="219"/>
        <source>点一个预约，转到当天的列表处理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="244"/>
        <source>今天 %1 个预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="246"/>
        <source>，待接待 %1 个：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="250"/>
        <source>，没有待接待的。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="253"/>
        <source>今天没有预约。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="257"/>
        <source>下一个预约：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="267"/>
        <source>……共 %1 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="270"/>
        <source>错过的预约 %1 个，请电话联系，记为“未到”或改期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="298"/>
        <source>这一天没有预约。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="299"/>
        <source>共 %1 个预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="315"/>
        <source>（休）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="333"/>
        <source>已过时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="335"/>
        <source>时间冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="405"/>
        <source>还不能记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="405"/>
        <source>请填写办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="408"/>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="420"/>
        <source>无法记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="425"/>
        <source>未到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="426"/>
        <source>电话联系情况（可不填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="429"/>
        <source>申请人取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="430"/>
        <source>取消原因（可不填）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="440"/>
        <source>不能改期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="446"/>
        <source>已改期到 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="448"/>
        <source>新的预约编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="452"/>
        <source>与%1的其他预约时间冲突：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="455"/>
        <source>请把新时间告知申请人。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="456"/>
        <source>已改期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/appointments.py" line="469"/>
        <source>不能出具</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="124"/>
        <source>档案与备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="128"/>
        <source>备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="129"/>
        <source>档案登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="130"/>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="381"/>
        <source>查阅/复印登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="145"/>
        <source>立即备份到U盘或文件夹…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="147"/>
        <source>从备份恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="148"/>
        <source>只能由站长操作；当前数据文件会先原样另存，不会删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="158"/>
        <source>备份文件请另存到U盘并带离服务站保管。从备份恢复只能由站长操作；恢复前，当前数据文件会原样另存一份，不会删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="166"/>
        <source>数据文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="170"/>
        <source>还没有备份。请立即备份到U盘。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="174"/>
        <source>最近一次备份：%1（%2 天前）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="177"/>
        <source>。已超过 %1 天，请立即备份到U盘。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="182"/>
        <source>本机自动备份（每天第一次打开程序时自动做一份，保留最近 %1 份）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="188"/>
        <source>还没有备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="191"/>
        <source>选择备份到哪里（U盘或文件夹）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="195"/>
        <source>备份失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="197"/>
        <source>备份完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="198"/>
        <source>备份已写入并校验无误：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="204"/>
        <source>不能恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="214"/>
        <source>用这份备份替换当前数据：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="215"/>
        <source>（文件时间 %1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="216"/>
        <source>当前数据文件不会删除：恢复前会原样另存到数据文件夹 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="218"/>
        <source>这份备份之后登记或修改的内容，恢复后将看不到，需要重新登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="219"/>
        <source>确定要恢复吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="220"/>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="223"/>
        <source>恢复失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="227"/>
        <source>已从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="228"/>
        <source>数据已恢复为这份备份的内容。原来的数据文件已另存为：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="229"/>
        <source>如需找回其中的记录，请联系镇里的信息管理员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="240"/>
        <source>档号、办件编号、申请人或事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="244"/>
        <source>全部年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="247"/>
        <source>%1 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="249"/>
        <source>查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="255"/>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="313"/>
        <source>档号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="255"/>
        <source>办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="255"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="256"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="256"/>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="256"/>
        <source>保管期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="257"/>
        <source>存放位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="263"/>
        <source>归档…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="264"/>
        <source>给已办结的办件编档号（保管期限默认按办件类型）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="266"/>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="319"/>
        <source>登记查阅/复印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="283"/>
        <source>共 %1 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="284"/>
        <source>（只显示前 500 件，请缩小查询范围）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="296"/>
        <source>不能归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="299"/>
        <source>已归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="299"/>
        <source>%1 已归档，档号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="300"/>
        <source>保管期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="310"/>
        <source>只看待站长审批的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="313"/>
        <source>登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="314"/>
        <source>查阅/复印人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="314"/>
        <source>用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="314"/>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="315"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="315"/>
        <source>审批</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="315"/>
        <source>归还时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="321"/>
        <source>审批…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="322"/>
        <source>只能由站长审批</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="324"/>
        <source>登记归还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="339"/>
        <source>不同意：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="341"/>
        <source>%1同意（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="371"/>
        <source>不能登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="381"/>
        <source>请先在列表里选中一条登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="386"/>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="392"/>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="398"/>
        <source>不能审批</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="392"/>
        <source>这条登记已经审批过了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="409"/>
        <source>不能登记归还</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="146"/>
        <source>添加扫描件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="147"/>
        <source>高拍仪照片或扫描件：JPEG、PNG 或 PDF，单个不超过 %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="165"/>
        <source>还没有附件。用高拍仪拍照或扫描后，点“添加扫描件…”选择 JPEG、PNG 或 PDF 文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="177"/>
        <source>%1
%2，%3
%4 添加于 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="183"/>
        <source>附件（%1 个，双击查看原图）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="184"/>
        <source>附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="196"/>
        <source>无法显示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="198"/>
        <source>⚠ 校验不一致
可能已损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="223"/>
        <source>有文件没有添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="232"/>
        <source>无法打开附件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BorrowDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="75"/>
        <source>登记查阅/复印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="80"/>
        <source>姓名及单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="82"/>
        <source>如：办理继承公证需要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="86"/>
        <source>查阅、复印档案须经站长同意（登记后由站长审批）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="88"/>
        <source>档号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="89"/>
        <source>查阅/复印人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="90"/>
        <source>用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="91"/>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="93"/>
        <source>登记</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="110"/>
        <source>办理经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="138"/>
        <source>记录补正告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="139"/>
        <source>已向申请人一次性告知需补正的全部材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="143"/>
        <source>延期（须申请人同意）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="145"/>
        <source>联办部门进度…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="153"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="162"/>
        <source>办件 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="173"/>
        <source>材料补齐、受理后起算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="177"/>
        <source>（暂定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="179"/>
        <source>（经申请人同意已延期 %1 个工作日）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="184"/>
        <source>逾期 %1 个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="187"/>
        <source>今天到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="189"/>
        <source>还剩 %1 个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="197"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="199"/>
        <source>联系方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="201"/>
        <source>特殊群体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="203"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="204"/>
        <source>办件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="205"/>
        <source>来源：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="206"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="207"/>
        <source>收件时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="208"/>
        <source>承诺办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="209"/>
        <source>首问责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="213"/>
        <source>尚未出具补正材料通知书，须在 %1 前告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="217"/>
        <source>已于 %1 一次性告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="219"/>
        <source>补正告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="221"/>
        <source>进度：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="224"/>
        <source>上门服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="225"/>
        <source>帮办代办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="227"/>
        <source>理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="229"/>
        <source>收费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="231"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="239"/>
        <source>缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="241"/>
        <source>材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="246"/>
        <source>联办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="279"/>
        <source>办理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="282"/>
        <source>状态改为“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="287"/>
        <source>本件已结束（%1），不能再改变状态。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="297"/>
        <source>代办下一步：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="310"/>
        <source>改为“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="311"/>
        <source>请写明书面理由（依据的法律、法规或政策），将存档备查：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="316"/>
        <source>办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="317"/>
        <source>确认“%1”已办结？办结后不能再改变状态。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="322"/>
        <source>不能改变状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="330"/>
        <location filename="../../src/station_desk/ui/case_detail.py" line="377"/>
        <source>不能记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="339"/>
        <source>代办：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="340"/>
        <source>说明（可不填），如送达方式、回访情况：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="345"/>
        <source>不能记录代办进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="351"/>
        <source>延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="351"/>
        <source>延长几个工作日？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="354"/>
        <source>申请人同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="355"/>
        <source>延期须经申请人同意：请写明申请人何时、以何种方式同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="360"/>
        <source>不能延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="367"/>
        <location filename="../../src/station_desk/ui/case_detail.py" line="370"/>
        <source>联办部门进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="367"/>
        <source>哪个部门？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_detail.py" line="371"/>
        <source>“%1”的办理进度：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="135"/>
        <source>逾期 %1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="137"/>
        <source>今天到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="138"/>
        <source>%1 个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="155"/>
        <source>已告知补正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="156"/>
        <source>告知期限 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="161"/>
        <source>（暂定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="166"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="208"/>
        <source>缺少当年法定节假日安排，暂按周一至周五计算；站长导入放假安排后自动更正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/case_model.py" line="215"/>
        <source>补正材料通知书须在此日期前出具，逾期视为受理</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="59"/>
        <source>办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="59"/>
        <source>登记新办件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="65"/>
        <source>编号、姓名（两个字也可）、身份证号、电话、事项或拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="68"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="69"/>
        <source>需关注（逾期+2个工作日内到期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="70"/>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="71"/>
        <source>帮办代办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="73"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="77"/>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="157"/>
        <source>共 %1 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="158"/>
        <source>没有符合条件的办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="164"/>
        <source>补正告知提醒（行政许可法第三十二条：5 日内一次告知）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/cases.py" line="167"/>
        <source>……另有 %1 件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="58"/>
        <source>当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="59"/>
        <source>个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="61"/>
        <source>必须</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="61"/>
        <source>可代办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="66"/>
        <source>办事指南要素尚未经县级核实，打印告知书前请核对</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="67"/>
        <source>服务事项目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="72"/>
        <source>输入事项名称或拼音首字母，如 ylbx（养老保险）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="76"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="76"/>
        <source>只看待核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="77"/>
        <source>编辑事项…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="78"/>
        <source>只有站长可以修改事项目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="110"/>
        <source>全部类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="120"/>
        <source>共 %1 项，其中 %2 项待核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/catalogue.py" line="127"/>
        <source>&lt;p&gt;没有找到符合条件的事项。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <location filename="../../src/station_desk/ui/stats_widgets.py" line="68"/>
        <source>件数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/stats_widgets.py" line="100"/>
        <source>按事项类别（件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/stats_widgets.py" line="101"/>
        <source>按事项类别（本期没有收件）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="54"/>
        <source>受理投诉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="63"/>
        <source>必填：反馈处理结果用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="69"/>
        <source>投诉的事情经过和诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="78"/>
        <source>被投诉的窗口或工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="85"/>
        <source>不予受理，理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="95"/>
        <source>投诉人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="96"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="97"/>
        <source>投诉形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="98"/>
        <source>投诉事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="99"/>
        <source>涉及窗口/人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="100"/>
        <source>程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="102"/>
        <source>是否受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="109"/>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="121"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="121"/>
        <source>记录为不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="125"/>
        <source>涉及重大事项的投诉应采用书面形式：请投诉人提交书面材料，投诉形式选“书面”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="129"/>
        <source>不予受理的，应告知投诉人理由。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="130"/>
        <source>%1投诉应在 %2 天内办结（到 %3）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="147"/>
        <source>还不能记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="150"/>
        <source>投诉编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="150"/>
        <source>状态：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="152"/>
        <source>应在 %1 前办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="153"/>
        <source>已记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintModel</name>
    <message>
        <location filename="../../src/station_desk/ui/complaint_model.py" line="57"/>
        <source>（超期 %1 天）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_model.py" line="60"/>
        <source>（今天到期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_model.py" line="61"/>
        <source>（还剩 %1 天）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="73"/>
        <source>投诉与满意度回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="77"/>
        <source>投诉举报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="78"/>
        <source>满意度回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="87"/>
        <source>受理投诉…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="88"/>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="260"/>
        <source>推进下一步…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="89"/>
        <source>只看未办结的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="95"/>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="210"/>
        <source>办理时限：一般投诉 %1 天，重大投诉 %2 天（自受理之日起）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="150"/>
        <source>本月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="151"/>
        <source>上月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="152"/>
        <source>统计期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="159"/>
        <source>记录评价…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="166"/>
        <source>目标：满意率 %1 以上。非常满意、满意、基本满意计为满意；不满意、非常不满意的须电话回访并整改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="178"/>
        <source>记录回访整改…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="230"/>
        <source>%1 件投诉已超过办理时限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="259"/>
        <source>推进到“%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="263"/>
        <source>选中一件投诉，查看办理经过。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="265"/>
        <source>投诉编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="266"/>
        <source>投诉人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="267"/>
        <source>投诉事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="268"/>
        <source>涉及</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="269"/>
        <source>程度 / 状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="270"/>
        <source>办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="272"/>
        <source>不予受理理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="274"/>
        <source>办结时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="276"/>
        <source>办理经过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="277"/>
        <source>（已受理，尚未办理）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="307"/>
        <source>满意率：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="315"/>
        <source>待电话回访和整改的不满意评价（%1 个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="353"/>
        <source>调查核实和处理情况：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="354"/>
        <source>向投诉人反馈的内容和方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="355"/>
        <source>办结情况（投诉人意见、整改结果）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="356"/>
        <source>投诉%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="360"/>
        <source>不能推进</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="375"/>
        <source>回访整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="376"/>
        <source>电话回访%1的情况和整改措施：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/complaints.py" line="380"/>
        <source>不能记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/crash.py" line="34"/>
        <source>程序出错了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/crash.py" line="38"/>
        <source>程序遇到了一个没有预料到的错误。已保存的数据不受影响。
请点“复制报告”，把报告发给镇中心或技术人员。程序可以继续使用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/crash.py" line="44"/>
        <source>复制报告</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayModel</name>
    <message>
        <location filename="../../src/station_desk/ui/appointment_model.py" line="81"/>
        <source>与%1 %2 时间冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_model.py" line="84"/>
        <source>已过预约时间，请跟进</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_model.py" line="86"/>
        <source>上门：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_model.py" line="88"/>
        <source>办件 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_model.py" line="112"/>
        <source>已告知带齐：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="103"/>
        <source>审批查阅/复印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="106"/>
        <source>%1 申请%2档案 %3
用途：%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="111"/>
        <source>同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="112"/>
        <source>不同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="122"/>
        <source>不同意的理由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="128"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="50"/>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="64"/>
        <source>归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="54"/>
        <source>已办结的办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="56"/>
        <source>按办件类型（即办件 10 年，其他 30 年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="60"/>
        <source>如：档案柜1 第2层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="61"/>
        <source>办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="62"/>
        <source>保管期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/archive_dialogs.py" line="63"/>
        <source>存放位置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="53"/>
        <source>结束延时服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="55"/>
        <source>自 %1（下班时间）起延时服务，已计入办件 %2 件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="62"/>
        <source> 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="68"/>
        <source>如：村民务工回来办理社保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="69"/>
        <source>服务群众人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="70"/>
        <source>结束时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="71"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="75"/>
        <source>结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/after_hours.py" line="76"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FullView</name>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="257"/>
        <source>适合窗口大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="269"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="275"/>
        <source>这张图片无法显示</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="55"/>
        <source>登记新办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="70"/>
        <source>登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="85"/>
        <source>放弃登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="86"/>
        <source>已填写的内容不会保存。确定放弃这次登记？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="111"/>
        <source>申请人与办理方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="122"/>
        <source>与身份证一致；生僻字可用输入法手写输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="125"/>
        <source>18 位公民身份号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="127"/>
        <source>手机 11 位，座机如 0915-6321234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="129"/>
        <source>如 西沟村三组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="144"/>
        <source>退回件必填：写明依据的法律、法规或政策，将存档备查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="146"/>
        <location filename="../../src/station_desk/ui/intake.py" line="264"/>
        <source>当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="147"/>
        <source>只有即办件、材料齐全时可以当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="148"/>
        <location filename="../../src/station_desk/ui/intake.py" line="186"/>
        <source>帮办代办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="160"/>
        <source>上门服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="165"/>
        <source>代办员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="172"/>
        <source>首问责任人是当前登录的工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="174"/>
        <source>请填写经办工作人员姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="177"/>
        <source>来源渠道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="178"/>
        <source>申请人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="179"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="180"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="181"/>
        <source>住址/村组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="182"/>
        <source>特殊群体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="183"/>
        <source>办件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="184"/>
        <source>退回/不予受理理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="187"/>
        <source>首问责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="188"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="200"/>
        <source>办理事项与收件材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="204"/>
        <source>输入事项名称或拼音首字母，如 ylbx（养老保险）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="210"/>
        <source>请先选择办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="216"/>
        <source>收件材料（收到的请打勾；未收齐即为待补正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="217"/>
        <source>全部收齐</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="244"/>
        <source>%1（无需提交）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="246"/>
        <source>%1（原件%2份，复印件%3份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="265"/>
        <source>承诺时限 %1 个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="268"/>
        <source>须本人到场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="272"/>
        <source>办事指南要素尚未经县级核实，一次性告知前请与镇中心核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="384"/>
        <source>请选择办理事项（可输入名称或拼音首字母查找）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="386"/>
        <location filename="../../src/station_desk/ui/intake.py" line="391"/>
        <source>还不能登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="387"/>
        <source>请按红框处的提示改正后再登记：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="394"/>
        <source>已登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="399"/>
        <source>办件编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="400"/>
        <source>申请人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="401"/>
        <source>事项：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="402"/>
        <source>状态：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="406"/>
        <source>（暂定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="407"/>
        <source>承诺办结日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="409"/>
        <source>补正告知期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/intake.py" line="412"/>
        <source>请注意：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="39"/>
        <source>编辑事项 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="50"/>
        <source> 个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="58"/>
        <source>本人必须到场（不能全程代办）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="64"/>
        <source>已与县级办事指南核对无误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="66"/>
        <source>事项名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="67"/>
        <source>办件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="68"/>
        <source>承诺时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="69"/>
        <source>设定依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="70"/>
        <source>实施部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="71"/>
        <source>受理窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="72"/>
        <source>收费标准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="73"/>
        <source>办理结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="75"/>
        <source>办理流程（每行一步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="76"/>
        <source>不予受理情形（每行一条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="80"/>
        <source>材料名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="80"/>
        <source>原件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="80"/>
        <source>复印件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="80"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="86"/>
        <source>添加材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="88"/>
        <source>删除所选材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/item_editor.py" line="136"/>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="43"/>
        <source>便民服务站办件台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="73"/>
        <source>今日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="74"/>
        <source>办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="75"/>
        <source>预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="76"/>
        <source>延时服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="77"/>
        <source>投诉回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="78"/>
        <source>服务事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="79"/>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="80"/>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="81"/>
        <source>档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="82"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="99"/>
        <source>换人登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="112"/>
        <source>当前经办人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="113"/>
        <source>未登录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePreview</name>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="93"/>
        <source>重印：这是 %1 由 %2 出具时存档的原件，与当时打印的一字不差。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="97"/>
        <source>已存档（SHA-256 %1…）。以后重印都打印这份存档。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="41"/>
        <source>打印预览 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="54"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="56"/>
        <source>另存为 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="71"/>
        <source>没有打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="74"/>
        <source>已发送打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="75"/>
        <source>已发送到打印机 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_preview.py" line="81"/>
        <source>没有保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateCard</name>
    <message>
        <location filename="../../src/station_desk/ui/stats_widgets.py" line="36"/>
        <source>（目标 %1）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="164"/>
        <source>记录满意度评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="177"/>
        <source>已办结办件的编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="188"/>
        <source>群众的意见或建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="189"/>
        <source>办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="191"/>
        <source>评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="192"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="193"/>
        <source>意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="196"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="210"/>
        <source>只有已办结的办件可以评价。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="215"/>
        <source>没有找到这个办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="219"/>
        <source>（未办结，不能评价）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="230"/>
        <source>还不能记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="235"/>
        <source>已记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/complaint_dialogs.py" line="236"/>
        <source>已记录“%1”。请尽快电话回访，了解原因并整改，再到“满意度回访”里记录回访整改情况。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="76"/>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="91"/>
        <source>改期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="79"/>
        <source>原定 %1，%2。与申请人约定的新时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="89"/>
        <source>新的预约时间</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServedDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="46"/>
        <source>已服务：转为办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="48"/>
        <source>%1 的预约（%2）已服务。这件事要登记为办件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="51"/>
        <source>现在登记办件（自动填入预约人和事项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="53"/>
        <source>已经登记了，办件编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="55"/>
        <source>完整的办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/appointment_outcome.py" line="65"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="86"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="89"/>
        <source>本站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="94"/>
        <source>工作人员与窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="98"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="98"/>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="98"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="98"/>
        <source>上岗培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="107"/>
        <source>添加工作人员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="113"/>
        <source>办理规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="123"/>
        <source>制度牌（对外公示）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="126"/>
        <source>按本站类型打印手册规定的制度（村 3 个、镇 5 个），每页一个：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="130"/>
        <source>预览并打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="154"/>
        <source>无人值守的窗口：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="168"/>
        <source>制度牌</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="215"/>
        <source>首次设置 — 便民服务站办件台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="233"/>
        <source>设置未保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="26"/>
        <source>登录 — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="28"/>
        <source>请选择您的姓名并输入 PIN。办理的每件事都会记在您名下。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="39"/>
        <source>再输一次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="40"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="41"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="48"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="64"/>
        <source>首次登录：请设置您自己的 PIN（4–8 位数字）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="73"/>
        <location filename="../../src/station_desk/ui/sign_in.py" line="76"/>
        <location filename="../../src/station_desk/ui/sign_in.py" line="79"/>
        <source>无法登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sign_in.py" line="73"/>
        <source>两次输入的 PIN 不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="142"/>
        <source>第三步：工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="143"/>
        <source>第一行是站长（中心主任）。每人用姓名和 PIN 登录，所有记录都会记下经办人。窗口不得无人。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="150"/>
        <source>再添一人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="185"/>
        <source>（不固定窗口）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="38"/>
        <source>第一步：本站信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="39"/>
        <source>按《标准化建设指导手册》填写。站点编码用 12 位行政区划代码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="46"/>
        <source>如：西沟村（自动加“便民服务站”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="51"/>
        <source>如：城关镇便民服务中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="56"/>
        <source>站点类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="57"/>
        <source>村/社区/镇名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="58"/>
        <source>站点编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="59"/>
        <source>所属镇中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="60"/>
        <source>镇中心编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="61"/>
        <source>办公地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="62"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="70"/>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="73"/>
        <source>请补全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="70"/>
        <source>请填写村/社区/镇名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="74"/>
        <source>站点编码应为 12 位数字，例如 610922101201</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="91"/>
        <source>统计与报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="96"/>
        <source>统计期间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="98"/>
        <source>今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="98"/>
        <source>本月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="99"/>
        <source>上月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="100"/>
        <source>自选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="109"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="112"/>
        <source>导出日报表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="114"/>
        <source>导出月报表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="125"/>
        <source>即办件当场办结率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="126"/>
        <source>承诺件按期办结率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="127"/>
        <source>满意率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="128"/>
        <source>收件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="129"/>
        <source>在办逾期（期末）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="130"/>
        <source>帮办代办：在办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="131"/>
        <source>预约：已服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="132"/>
        <source>延时服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="133"/>
        <source>投诉：期末在办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="153"/>
        <source>按办件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="155"/>
        <source>按状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="161"/>
        <source>各村（社区）便民服务站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="231"/>
        <source>无法统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="236"/>
        <source>导出日报表（%1）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="238"/>
        <source>导出月报表（%1）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="243"/>
        <source>办件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="243"/>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="245"/>
        <source>件数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="243"/>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="245"/>
        <source>占比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="245"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="258"/>
        <source>即办件 %1 件，当场办结 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="260"/>
        <source>本期没有即办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="262"/>
        <source>承诺件（含联办件）办结 %1 件，按期 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="264"/>
        <source>本期没有办结的承诺件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="266"/>
        <source>评价 %1 人，满意（含基本满意）%2 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="268"/>
        <source>本期没有满意度评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="273"/>
        <source>即办件 %1 件，其他 %2 件；其中帮办代办 %3 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="277"/>
        <source>仍在办、已过承诺办结日期的办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="280"/>
        <source>本期代办收件 %1 件，已送达申请人 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="283"/>
        <source>未到 %1 个，申请人取消 %2 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="286"/>
        <source>%1 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="287"/>
        <source>共 %1 分钟，服务 %2 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="290"/>
        <source>本期受理 %1 件，办结 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="364"/>
        <source>保存%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="370"/>
        <source>报表没有生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="372"/>
        <source>报表已生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/statistics.py" line="373"/>
        <source>%1已保存到：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="91"/>
        <source>U盘同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="104"/>
        <source>本站身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="110"/>
        <source>导出本站身份文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="112"/>
        <source>信任对方身份文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="120"/>
        <source>U盘：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="124"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="137"/>
        <source>重新导出上一次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="139"/>
        <source>全部导出（不只是新变更）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="143"/>
        <source>选择文件导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="156"/>
        <source>已导出的同步包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="168"/>
        <source>最近一次导入报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="166"/>
        <source>导入后在这里显示新增、更新、未变、隔离和缺号情况。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="185"/>
        <source>只有站长（中心主任）可以信任身份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="186"/>
        <source>密钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="188"/>
        <source>本站：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="189"/>
        <source>指纹：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="192"/>
        <source>与对方交换身份文件时，请打电话逐组核对指纹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="215"/>
        <source>没有找到U盘（插上后点“刷新”，或选“其他文件夹…”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="222"/>
        <source>选择U盘或文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="247"/>
        <source>导出身份文件失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="249"/>
        <source>身份文件已导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="250"/>
        <source>已写入：%1

请把这个文件交给对方，并电话告诉对方本站的指纹：
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="254"/>
        <source>选择对方的身份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="273"/>
        <source>正在导出到U盘…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="276"/>
        <source>导出失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="278"/>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="279"/>
        <source>同步包已写入U盘并读回校验无误：
%1

%2，%3 条记录，%4 个附件。
现在可以安全拔出U盘，交镇便民服务中心导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="292"/>
        <source>请先选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="292"/>
        <source>请先在上面的表格中选中要回传的站。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="304"/>
        <source>正在生成回传包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="306"/>
        <source>生成回传包失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="309"/>
        <source>回传包已生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="310"/>
        <source>已写入U盘并读回校验无误：
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="311"/>
        <source>

现在可以安全拔出U盘，带回各站导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="320"/>
        <source>没有找到同步包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="321"/>
        <source>%1 里没有发给本站的同步包。可以点“选择文件导入…”手动选择。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="327"/>
        <source>选择同步包（可多选）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="333"/>
        <source>正在导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="335"/>
        <source>导入失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="340"/>
        <source>未导入 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="346"/>
        <source>镇中心已确认收到本站：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="348"/>
        <source>（尚无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/sync.py" line="350"/>
        <source>导入报告</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="64"/>
        <source>今日登记/修改的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="65"/>
        <source>服务事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="66"/>
        <source>在岗工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="67"/>
        <source>最近一次备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="49"/>
        <source>今日收件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="50"/>
        <source>今日当场/当天办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="51"/>
        <source>在办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="52"/>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="53"/>
        <source>2 个工作日内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="57"/>
        <source>今日预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="58"/>
        <source>本月延时服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="59"/>
        <source>在办投诉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="60"/>
        <source>本月满意率（目标 98%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="76"/>
        <source>今日 %1 星期%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="82"/>
        <source>有 %1 件已超过承诺办结日期，请到“办件”页优先处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="87"/>
        <source>错过的预约 %1 个，请电话联系改约：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="93"/>
        <source>有 %1 件投诉超过办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="96"/>
        <source>有 %1 个不满意评价待电话回访和整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="99"/>
        <source>窗口无人值守：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="100"/>
        <source>（手册要求窗口不得空缺，请到“设置”分配人员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="103"/>
        <source>数据很久没有备份了，请到“档案”页立即备份到U盘。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="107"/>
        <source>其中帮办代办 %1 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="118"/>
        <source>%1 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="119"/>
        <source>共 %1 分钟，服务 %2 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="126"/>
        <source>暂无评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="127"/>
        <source>%1 人评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="129"/>
        <source>按审计记录统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="132"/>
        <source>其中 %1 项办事指南要素待核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="136"/>
        <source>尚无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="136"/>
        <source>请立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="139"/>
        <source>%1 天前</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowsPage</name>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="83"/>
        <source>第二步：窗口和工作时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="84"/>
        <source>已按站点类型填好手册规定的窗口，可增设公共服务窗口。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="88"/>
        <source>窗口（双击可改名）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="91"/>
        <source>增设窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="93"/>
        <source>删除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="102"/>
        <source>上午上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="103"/>
        <source>上午下班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="104"/>
        <source>下午上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="105"/>
        <source>下午下班（延时服务从此开始）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="111"/>
        <source>工作时间公示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="125"/>
        <source>公共服务窗口</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../src/station_desk/ui/dialog_parts.py" line="24"/>
        <location filename="../../src/station_desk/ui/dialog_parts.py" line="36"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="21"/>
        <source>导出时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="21"/>
        <source>变更范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="21"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="22"/>
        <source>镇中心确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="22"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="30"/>
        <source>把本站的办件变更加密导出到U盘，交镇便民服务中心导入；镇中心的办理结果、事项目录和节假日安排用回传包带回。U盘丢失也不会泄露群众信息。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="32"/>
        <source>导出到U盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="33"/>
        <source>从U盘导入镇中心回传包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="37"/>
        <source>还没有信任镇中心的身份文件，不能导出。请向镇中心要身份文件，电话核对指纹后点“信任对方身份文件…”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="42"/>
        <source>镇中心：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="43"/>
        <source>待导出：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="45"/>
        <source>无新变更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="47"/>
        <source>&#x3000;上次导出：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="57"/>
        <source>已收到 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="58"/>
        <source>已收到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="58"/>
        <source>尚未确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_village.py" line="62"/>
        <source>有 %1 个同步包镇中心尚未确认收到（以镇中心回传包为准）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="19"/>
        <source>身份文件不能使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="23"/>
        <source>不能信任这个身份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="27"/>
        <source>对方：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="28"/>
        <source>指纹：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="29"/>
        <source>请打电话给对方，请对方念出其程序“同步”页上显示的指纹，逐组核对完全一致后再点“是”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="33"/>
        <source>注意：本站原先信任的 %1 指纹是 %2，现在的文件指纹不同（密钥已变化）。只有确认对方更换了电脑或重新生成了密钥时才可替换。

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="36"/>
        <source>核对指纹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="40"/>
        <source>信任失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="42"/>
        <source>已信任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_dialogs.py" line="42"/>
        <source>已信任：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="41"/>
        <source>站点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="41"/>
        <source>最近导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="41"/>
        <source>已收到至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="42"/>
        <source>缺号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="42"/>
        <source>办件（按状态）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="42"/>
        <source>代办逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="43"/>
        <source>隔离</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="43"/>
        <source>最近回传</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="47"/>
        <source>为选中的站生成回传包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="49"/>
        <location filename="../../src/station_desk/ui/sync_town.py" line="72"/>
        <source>为全部村（社区）站生成回传包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="55"/>
        <source>各村（社区）站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="58"/>
        <source>办件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="58"/>
        <source>村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="58"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="59"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="59"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="59"/>
        <source>承诺办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="60"/>
        <source>逾期（工作日）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="60"/>
        <source>代办员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="60"/>
        <source>代办进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="62"/>
        <source>逾期的帮办代办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="70"/>
        <source>导入各村（社区）站交来的同步包（可一次选多个），查看各站情况和逾期的帮办代办件，再为各站生成回传包（办理结果、事项目录、节假日安排和收件回执）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="73"/>
        <source>从U盘导入村站同步包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="78"/>
        <source>尚未收到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="90"/>
        <source>逾期的帮办代办件（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="95"/>
        <source>已信任 %1 个村（社区）站。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="98"/>
        <source>还没有信任任何村（社区）站：请导入各站的身份文件，电话核对指纹后点“信任对方身份文件…”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/sync_town.py" line="104"/>
        <source>有 %1 件帮办代办件已超过承诺办结日期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../src/station_desk/ui/attachments.py" line="47"/>
        <source>选择扫描件或照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="35"/>
        <source>制度牌可贴于服务站醒目位置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="62"/>
        <source>选择要恢复的备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="63"/>
        <source>数据备份 (archive-*.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/notice_actions.py" line="42"/>
        <source>打印告知书…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
