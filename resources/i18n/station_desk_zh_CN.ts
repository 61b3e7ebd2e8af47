<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="35"/>
        <source>添加工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="43"/>
        <source>（不固定窗口）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="53"/>
        <source>可留空，本人首次登录时设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="54"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="55"/>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="56"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="57"/>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="58"/>
        <source>上岗培训日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="59"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="70"/>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="31"/>
        <source>档案与备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="38"/>
        <source>立即备份到U盘或文件夹…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="43"/>
        <source>本机自动备份（每天开机后第一次打开程序时，保留最近若干份）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="46"/>
        <source>从备份恢复请使用命令 station-desk restore；附件扫描件、借阅登记等档案功能尚未开放。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="53"/>
        <source>数据文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="58"/>
        <source>还没有备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="61"/>
        <source>选择备份到哪里（U盘或文件夹）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="65"/>
        <source>备份失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="67"/>
        <source>备份完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/archive.py" line="68"/>
        <source>备份已写入并校验无误：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="51"/>
        <source>当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="52"/>
        <source>个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="54"/>
        <source>必须</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="54"/>
        <source>可代办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/models.py" line="59"/>
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
        <location filename="../../src/station_desk/ui/item_editor.py" line="135"/>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="38"/>
        <source>便民服务站办件台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="61"/>
        <source>今日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="62"/>
        <location filename="../../src/station_desk/ui/main_window.py" line="63"/>
        <source>办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="64"/>
        <source>登记来访、来电、来信、网上办件，按即办件、承诺件、联办件、退回件办理，并按工作日计算承诺办结日期。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="66"/>
        <source>请继续使用纸质办件登记簿。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="67"/>
        <source>预约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="68"/>
        <source>预约服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="68"/>
        <source>电话或平台预约的上门服务、节假日服务。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="69"/>
        <source>请在预约登记本上记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="70"/>
        <location filename="../../src/station_desk/ui/main_window.py" line="71"/>
        <source>延时服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="71"/>
        <source>下班后仍有群众等候时的延时服务记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="72"/>
        <source>请在延时服务登记本上记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="73"/>
        <source>服务事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="74"/>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="75"/>
        <source>U盘同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="75"/>
        <source>把本站办件加密导出到U盘，交镇便民服务中心导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="76"/>
        <source>帮办代办件请按原方式报送镇中心。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="77"/>
        <source>档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="78"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="95"/>
        <source>换人登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="108"/>
        <source>当前经办人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/main_window.py" line="109"/>
        <source>未登录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotYetPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/placeholder.py" line="16"/>
        <source>“%1”功能尚未开放。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/placeholder.py" line="17"/>
        <source>在此之前：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="79"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="82"/>
        <source>本站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="87"/>
        <source>工作人员与窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="91"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="91"/>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="91"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="91"/>
        <source>上岗培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="100"/>
        <source>添加工作人员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="106"/>
        <source>办理规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/settings.py" line="135"/>
        <source>无人值守的窗口：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="216"/>
        <source>首次设置 — 便民服务站办件台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="234"/>
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
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="143"/>
        <source>第三步：工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="144"/>
        <source>第一行是站长（中心主任）。每人用姓名和 PIN 登录，所有记录都会记下经办人。窗口不得无人。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="151"/>
        <source>再添一人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="186"/>
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
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="71"/>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="74"/>
        <source>请补全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="71"/>
        <source>请填写村/社区/镇名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="75"/>
        <source>站点编码应为 12 位数字，例如 610922101201</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="49"/>
        <source>今日登记/修改的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="50"/>
        <source>服务事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="51"/>
        <source>在岗工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="52"/>
        <source>最近一次备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="57"/>
        <source>办件、预约、延时服务和满意度的今日统计将在这些功能开放后显示在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="66"/>
        <source>今日 %1 星期%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="71"/>
        <source>窗口无人值守：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="72"/>
        <source>（手册要求窗口不得空缺，请到“设置”分配人员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="75"/>
        <source>数据很久没有备份了，请到“档案”页立即备份到U盘。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="78"/>
        <source>按审计记录统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="81"/>
        <source>其中 %1 项办事指南要素待核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="85"/>
        <source>尚无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="85"/>
        <source>请立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/pages/today.py" line="88"/>
        <source>%1 天前</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowsPage</name>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="84"/>
        <source>第二步：窗口和工作时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="85"/>
        <source>已按站点类型填好手册规定的窗口，可增设公共服务窗口。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="89"/>
        <source>窗口（双击可改名）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="92"/>
        <source>增设窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="94"/>
        <source>删除所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="103"/>
        <source>上午上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="104"/>
        <source>上午下班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="105"/>
        <source>下午上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="106"/>
        <source>下午下班（延时服务从此开始）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="112"/>
        <source>工作时间公示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/station_desk/ui/setup_wizard.py" line="126"/>
        <source>公共服务窗口</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
