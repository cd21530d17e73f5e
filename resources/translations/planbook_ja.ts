<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>Amounts</name>
    <message>
        <source>「%1」 is not an amount: no digits</source>
        <translation>「%1」は金額ではありません: 数字がありません</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: amounts are whole 千円, no decimals</source>
        <translation>「%1」は金額ではありません: 金額は千円単位の整数で入力します（小数は使えません）</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: use digits like 24,300 (in 千円)</source>
        <translation>「%1」は金額ではありません: 24,300 のように数字で入力してください（千円単位）</translation>
    </message>
    <message>
        <source>「%1」 is not allowed: the amount cannot be negative</source>
        <translation>「%1」は入力できません: 金額に負の値は使えません</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: the number is too large</source>
        <translation>「%1」は金額ではありません: 数が大きすぎます</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Compare with the previous &amp;year</source>
        <translation>前年度比較(&amp;Y)</translation>
    </message>
    <message>
        <source>Make a final fiscal year a draft again (the reason is recorded)</source>
        <translation>確定した年度を案に戻す(理由を記録します)</translation>
    </message>
    <message>
        <source>Make this year &amp;final…</source>
        <translation>この年度を確定(&amp;F)…</translation>
    </message>
    <message>
        <source>New fiscal &amp;year…</source>
        <translation>新年度を作成(&amp;Y)…</translation>
    </message>
    <message>
        <source>Reopen this year…</source>
        <translation>確定を解除…</translation>
    </message>
    <message>
        <source>Run the checks and make this fiscal year final (read-only)</source>
        <translation>チェックを実行してこの年度を確定する(以後は読み取り専用)</translation>
    </message>
    <message>
        <source>Start next year's plan from this year's (a new draft)</source>
        <translation>この年度から次の年度の計画を作成(新しい案)</translation>
    </message>
    <message>
        <source>This year against an earlier one: added, discontinued, renamed, differences</source>
        <translation>この年度を前の年度と比べる: 新規・廃止・名称変更・増減</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="68" />
        <source>Create a new plan file with one empty fiscal year</source>
        <translation>空の年度を1つ持つ新しい計画ファイルを作成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="70" />
        <source>Create a new plan file filled with the Kumamoto sample</source>
        <translation>熊本市のサンプルを入れた新しい計画ファイルを作成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="71" />
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="71" />
        <source>Open a plan file</source>
        <translation>計画ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="72" />
        <source>Save a &amp;copy as…</source>
        <translation>コピーを保存(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="73" />
        <source>Write a copy of this plan file (changes are saved as you go)</source>
        <translation>この計画ファイルのコピーを書き出す(変更は都度保存されています)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="74" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="75" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="76" />
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="78" />
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="79" />
        <source>Show every change; click one to go back to it</source>
        <translation>すべての変更を表示。クリックでその時点に戻ります</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="80" />
        <source>&amp;Copy cells</source>
        <translation>セルをコピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="81" />
        <source>Copy the selected cells as tab-separated text (for Excel)</source>
        <translation>選択したセルをタブ区切りテキストでコピー(Excel 用)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="82" />
        <source>&amp;Paste cells</source>
        <translation>セルに貼り付け(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="83" />
        <source>Paste tab-separated text from Excel into the table</source>
        <translation>Excel のタブ区切りテキストを表に貼り付け</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="87" />
        <source>&amp;Add row</source>
        <translation>行を追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="99" />
        <source>Move do&amp;wn</source>
        <translation>下へ移動(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="102" />
        <source>&amp;Search the plan…</source>
        <translation>計画全体を検索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="103" />
        <source>Search titles, descriptions and amounts in the whole plan</source>
        <translation>計画全体の名称・内容・金額を検索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="106" />
        <source>&amp;Filter this table</source>
        <translation>この表を絞り込み(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="107" />
        <source>&amp;Booklet PDF…</source>
        <translation>冊子 PDF(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="108" />
        <source>Typeset the action-plan booklet of this fiscal year</source>
        <translation>この年度のアクションプラン冊子を組版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="110" />
        <source>&amp;Ward sheets PDF…</source>
        <translation>区の取組シート PDF(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="111" />
        <source>Typeset the ward sheets of this fiscal year</source>
        <translation>この年度の区の取組シートを組版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="113" />
        <source>Ward sheet to &amp;Excel…</source>
        <translation>区の取組シートを Excel へ(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="114" />
        <source>Write the selected ward's projects to an Excel workbook</source>
        <translation>選択した区の事業を Excel ブックに書き出す</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="115" />
        <source>&amp;Import ward sheet from Excel…</source>
        <translation>区の取組シートを Excel から取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="116" />
        <source>Bring a ward office's edited workbook back, after showing what changes</source>
        <translation>区役所が編集したブックを、変更内容を確認してから取り込む</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="127" />
        <source>&amp;Refresh preview</source>
        <translation>プレビューを更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="128" />
        <source>Go to &amp;navigator</source>
        <translation>ナビゲーターへ移動(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="134" />
        <source>&amp;About PlanBook</source>
        <translation>PlanBook について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete rows…</source>
        <translation>行を削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;New empty plan…</source>
        <translation>新しい空の計画(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Next search hit</source>
        <translation>次の検索結果(&amp;N)</translation>
    </message>
    <message>
        <source>Add a row below the current one</source>
        <translation>現在の行の下に行を追加します</translation>
    </message>
    <message>
        <source>C&amp;lear cells</source>
        <translation>セルの内容を消去(&amp;L)</translation>
    </message>
    <message>
        <source>Delete the selected rows (asks first when more than one row or any text would go)</source>
        <translation>選択した行を削除します（2行以上、または文字の入った行のときは確認します）</translation>
    </message>
    <message>
        <source>Duplicat&amp;e rows</source>
        <translation>行を複製(&amp;E)</translation>
    </message>
    <message>
        <source>Duplicate the selected rows</source>
        <translation>選択した行を複製します</translation>
    </message>
    <message>
        <source>Empty the selected cells, as Delete does in Excel (Ctrl+Z brings them back)</source>
        <translation>選択したセルを空にします（Excel の Delete と同じ。Ctrl+Z で戻せます）</translation>
    </message>
    <message>
        <source>Mo&amp;ve up</source>
        <translation>上へ移動(&amp;V)</translation>
    </message>
    <message>
        <source>Move the selected rows down</source>
        <translation>選択した行を下へ移動します</translation>
    </message>
    <message>
        <source>Move the selected rows up</source>
        <translation>選択した行を上へ移動します</translation>
    </message>
    <message>
        <source>New plan from the &amp;sample…</source>
        <translation>サンプルから新しい計画(&amp;S)…</translation>
    </message>
    <message>
        <source>The name written beside your changes (default: your Windows/OS user name)</source>
        <translation>変更履歴に記録する名前（既定: Windows などのユーザー名）</translation>
    </message>
    <message>
        <source>Your na&amp;me in the change log…</source>
        <translation>変更履歴に記録する名前(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>From the previous year's amount (automatic): change it there</source>
        <translation>前年度の取組の金額から自動で表示しています(変更は前年度で)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/record_model.py" line="218" />
        <source>「%1」 is not a whole number</source>
        <translation>「%1」は整数ではありません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/json_list.py" line="116" />
        <source>Edit %1</source>
        <translation>%1を編集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/paste.py" line="161" />
        <source>row %1, %2: %3</source>
        <translation>%1行目 %2: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/paste.py" line="187" />
        <source>rows cannot be added to this list here</source>
        <translation>この一覧にはここから行を追加できません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/paste.py" line="194" />
        <source>Paste %1 rows</source>
        <translation>%1行を貼り付け</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="21" />
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="20" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="22" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="23" />
        <source>Amount (¥1,000)</source>
        <translation>予算額(千円)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/compare_window.py" line="99" />
        <source>Previous year</source>
        <translation>前年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="25" />
        <source>Budget note</source>
        <translation>予算備考</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/new_year_dialog.py" line="29" />
        <source>Measure</source>
        <translation>施策</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="23" />
        <source>Section</source>
        <translation>担当課</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="29" />
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/cells.py" line="100" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/cells.py" line="103" />
        <source>Goal</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/cells.py" line="109" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="37" />
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/cells.py" line="104" />
        <source>Heading</source>
        <translation>見出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/plan_models.py" line="188" />
        <source>Description on this page</source>
        <translation>このページでの説明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/plan_models.py" line="183" />
        <source>Title on this page</source>
        <translation>このページでの名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/ward_models.py" line="100" />
        <source>Line after the heading</source>
        <translation>見出しに続く説明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="36" />
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="91" />
        <source>Project</source>
        <translation>事業名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="61" />
        <source>Initial budget</source>
        <translation>当初予算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="24" />
        <source>Revised</source>
        <translation>補正後</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="24" />
        <source>Settled</source>
        <translation>決算額</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/ward_models.py" line="82" />
        <source>「%1」 is not a group of this ward</source>
        <translation>「%1」はこの区のグループではありません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/ward_models.py" line="99" />
        <source>Group heading</source>
        <translation>グループ見出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="75" />
        <source>Subtotal</source>
        <translation>小計</translation>
    </message>
    <message>
        <source>No initiatives here yet. Add one with Add (Ctrl+Ins) or paste rows from Excel (Ctrl+V).</source>
        <translation>ここにはまだ取組がありません。「追加」(Ctrl+Ins)で追加するか、Excel から行を貼り付けてください(Ctrl+V)。</translation>
    </message>
    <message>
        <source>No rows yet. Add one with Add (Ctrl+Ins) or paste rows from Excel (Ctrl+V).</source>
        <translation>まだ行がありません。「追加」(Ctrl+Ins)で追加するか、Excel から行を貼り付けてください(Ctrl+V)。</translation>
    </message>
    <message>
        <source>This vision has no measures yet. Add one with Add (Ctrl+Ins) or paste code, title and goal from Excel (Ctrl+V).</source>
        <translation>このビジョンにはまだ施策がありません。「追加」(Ctrl+Ins)で追加するか、コード・名称・目標を Excel から貼り付けてください(Ctrl+V)。</translation>
    </message>
    <message>
        <source>This ward has no projects for this year yet. Add one with Add (Ctrl+Ins), paste rows from Excel (Ctrl+V) or import the ward's workbook (File ▸ Import ward sheet from Excel).</source>
        <translation>この区にはこの年度の事業がまだありません。「追加」(Ctrl+Ins)で追加するか、Excel から行を貼り付ける(Ctrl+V)か、区のワークブックを取り込んでください(ファイル ▸ 区の取組シートを Excel から取り込む)。</translation>
    </message>
    <message>
        <source>Not saved yet: another program is writing to the file. PlanBook tries again every few seconds.</source>
        <translation>まだ保存されていません: 別のプログラムがファイルに書き込み中です。数秒ごとに保存を再試行します。</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>This changes %1, %2.</source>
        <translation>%1 の %2 を変更します。</translation>
    </message>
    <message>
        <source>Yes, delete these %1 projects of %2</source>
        <translation>はい、%2 のこれら %1 件の事業を削除します</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>取り込みを取り消しました。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="52" />
        <source>Typesetting the booklet…</source>
        <translation>冊子を組版しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="57" />
        <source>Typesetting the ward sheets…</source>
        <translation>区の取組シートを組版しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="63" />
        <source>Writing the workbook…</source>
        <translation>ブックを書き出しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/new_year_dialog.py" line="188" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/compare_window.py" line="181" />
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="122" />
        <source>Export cancelled; nothing was written.</source>
        <translation>書き出しを中止しました。ファイルは作成していません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/compare_window.py" line="201" />
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="137" />
        <source>Export finished</source>
        <translation>書き出しが完了しました</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/compare_window.py" line="198" />
        <source>Written: %1</source>
        <translation>書き出しました: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="141" />
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="142" />
        <source>Show in folder</source>
        <translation>フォルダーを表示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="164" />
        <source>Reading the workbook…</source>
        <translation>ブックを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="188" />
        <source>The workbook was refused</source>
        <translation>ブックを取り込めません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="222" />
        <source>Import %1 from Excel</source>
        <translation>%1を Excel から取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="234" />
        <source>Import ward sheet: what will change</source>
        <translation>区の取組シートの取り込み: 変更内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="239" />
        <source>Apply changes</source>
        <translation>変更を適用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/exports.py" line="250" />
        <source>Nothing is changed until you apply. You can undo the import afterwards (Edit ▸ Undo).</source>
        <translation>適用するまで何も変更されません。取り込み後も元に戻せます(編集 ▸ 元に戻す)。</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>From the previous year's amount (automatic): change it there</source>
        <translation>前年度の取組の金額から自動で表示しています(変更は前年度で)</translation>
    </message>
    <message>
        <source>No previous-year initiative is linked: type the amount printed as 前年度</source>
        <translation>前年度の取組とつながっていません: 前年度として印刷する金額を入力してください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="83" />
        <source>Printed headings: leave a field empty to print the wording shown in grey; {year}, {n}, {ward}… are filled in when printed</source>
        <translation>印刷する見出し：空欄のときは灰色の文言を印刷します。{year}、{n}、{ward} などは印刷時に年度・番号・区名に置き換わります</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="144" />
        <source>One item per line</source>
        <translation>1行に1項目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="159" />
        <source>e.g. 24,300 (in ¥1,000)</source>
        <translation>例: 24,300(千円)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="165" />
        <source>e.g. 2, 5, 8</source>
        <translation>例: 2, 5, 8</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="183" />
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="203" />
        <source>Vision colour</source>
        <translation>ビジョンの色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="238" />
        <source>write numbers separated by commas</source>
        <translation>数字をカンマ区切りで入力してください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="241" />
        <source>required</source>
        <translation>入力が必要です</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="243" />
        <source>a colour like #1F4E79</source>
        <translation>#1F4E79 のような色を入力してください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/record_form.py" line="246" />
        <source>year and month like 2024-06, or empty</source>
        <translation>2024-06 のような年月を入力するか、空欄にしてください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/json_list.py" line="116" />
        <source>Edit %1</source>
        <translation>%1を編集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/json_list.py" line="40" />
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/json_list.py" line="41" />
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/json_list.py" line="121" />
        <source>Add to %1</source>
        <translation>%1に追加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/json_list.py" line="128" />
        <source>Remove from %1</source>
        <translation>%1から削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/pictures.py" line="74" />
        <source>Caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/pictures.py" line="75" />
        <source>Credit</source>
        <translation>クレジット</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/pictures.py" line="98" />
        <source>(picture without caption)</source>
        <translation>(キャプションなしの画像)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/pictures.py" line="103" />
        <source>Add a picture</source>
        <translation>画像を追加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/pictures.py" line="177" />
        <source>no image (placeholder)</source>
        <translation>画像なし(仮の枠)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="20" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/small_tables.py" line="20" />
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/small_tables.py" line="22" />
        <source>Columns on the first line, then one row per line; cells separated by tabs (paste from Excel)</source>
        <translation>1行目に列見出し、以降は1行に1行分。セルはタブ区切り(Excel から貼り付け可)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/small_tables.py" line="29" />
        <source>Cells</source>
        <translation>セル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/small_tables.py" line="32" />
        <source>(table without title)</source>
        <translation>(題のない表)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/small_tables.py" line="35" />
        <source>New table</source>
        <translation>新しい表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="21" />
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="22" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="23" />
        <source>Amount (¥1,000)</source>
        <translation>予算額(千円)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="24" />
        <source>Previous year (¥1,000)</source>
        <translation>前年度(千円)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="25" />
        <source>Budget note</source>
        <translation>予算備考</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="26" />
        <source>Responsible section</source>
        <translation>担当課</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="27" />
        <source>Measure code</source>
        <translation>施策コード</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="28" />
        <source>a measure code like 1-2</source>
        <translation>1-2 のような施策コードを入力してください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="29" />
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="30" />
        <source>Highlights (☑ lines)</source>
        <translation>ポイント(☑ 行)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="31" />
        <source>Indicators</source>
        <translation>検証指標</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="32" />
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="37" />
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="38" />
        <source>Direction (one paragraph per line)</source>
        <translation>めざす姿と取組の方向性(1行に1段落)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="39" />
        <source>Related visions</source>
        <translation>関連するビジョン</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="44" />
        <source>Lead paragraph</source>
        <translation>リード文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="45" />
        <source>Situation (✓ lines)</source>
        <translation>本市を取り巻く状況(✓ 行)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="46" />
        <source>Actions so far (✓ lines)</source>
        <translation>これまでのアクション(✓ 行)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="50" />
        <source>Ward vision (headline)</source>
        <translation>めざす区の姿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="52" />
        <source>Policies (one per line)</source>
        <translation>基本方針(1行に1項目)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="53" />
        <source>Allocation (¥1,000)</source>
        <translation>まちづくり推進経費 配分額(千円)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="54" />
        <source>Printed total: initial</source>
        <translation>原本の合計: 当初予算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="55" />
        <source>Printed total: revised</source>
        <translation>原本の合計: 補正後</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="56" />
        <source>Printed total: settled</source>
        <translation>原本の合計: 決算額</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="60" />
        <source>Edition title</source>
        <translation>年度版の題名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="62" />
        <source>Draft (案)</source>
        <translation>案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="62" />
        <source>Final</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="63" />
        <source>Slogan</source>
        <translation>スローガン</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="64" />
        <source>Publication (YYYY-MM)</source>
        <translation>発行年月(YYYY-MM)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="65" />
        <source>Parts on the cover</source>
        <translation>表紙の構成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="66" />
        <source>Cover artwork credit</source>
        <translation>表紙アートワークのクレジット</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="67" />
        <source>About the action plan</source>
        <translation>アクションプランについて</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="68" />
        <source>PDCA heading</source>
        <translation>PDCA の見出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="69" />
        <source>PDCA steps</source>
        <translation>PDCA の各段階</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="70" />
        <source>PDCA cycle heading</source>
        <translation>PDCA サイクルの見出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="71" />
        <source>PDCA cycle text</source>
        <translation>PDCA サイクルの本文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="72" />
        <source>Situation of the city</source>
        <translation>本市を取り巻く状況</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="73" />
        <source>Priority items: introduction</source>
        <translation>重点事項: 導入文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="74" />
        <source>Visions: introduction</source>
        <translation>各ビジョン: 導入文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="75" />
        <source>Cross-cutting perspectives</source>
        <translation>横断的な視点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="76" />
        <source>Wards: introduction</source>
        <translation>区: 導入文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="77" />
        <source>Wards: policies</source>
        <translation>区: 方針</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="78" />
        <source>Wards: budget summary lines</source>
        <translation>区: まちづくり推進経費の内訳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="91" />
        <source>Organisation</source>
        <translation>組織名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="92" />
        <source>Department</source>
        <translation>担当部署</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="93" />
        <source>Telephone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="94" />
        <source>digits, hyphens and brackets only, like 096-328-2033</source>
        <translation>096-328-2033 のように数字・ハイフン・括弧のみで入力してください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="95" />
        <source>Fax</source>
        <translation>FAX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="97" />
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="98" />
        <source>an address like seisakukikaku@city.kumamoto.lg.jp</source>
        <translation>seisakukikaku@city.kumamoto.lg.jp のようなアドレスを入力してください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="123" />
        <source>Pictures</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="124" />
        <source>Small tables</source>
        <translation>小さな表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="127" />
        <source>Initiative: %1</source>
        <translation>取組: %1</translation>
    </message>
    <message>
        <source>%1 is not an image PlanBook can read (use PNG or JPEG)</source>
        <translation>%1 は PlanBook で読み込める画像ではありません(PNG または JPEG を使ってください)</translation>
    </message>
    <message>
        <source>%1 × %2 px, %3 KB</source>
        <translation>%1 × %2 ピクセル、%3 KB</translation>
    </message>
    <message>
        <source>(no image yet)</source>
        <translation>(画像なし)</translation>
    </message>
    <message>
        <source>Add picture…</source>
        <translation>画像を追加…</translation>
    </message>
    <message>
        <source>Choose image file…</source>
        <translation>画像ファイルを選択…</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>画像 (%1)</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Put an image file (PNG, JPEG, GIF, BMP, WebP, TIFF) into this picture; it is stored in the plan file</source>
        <translation>この画像枠に画像ファイル(PNG・JPEG・GIF・BMP・WebP・TIFF)を入れます。画像は計画ファイルの中に保存されます</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>画像なし</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1: damaged file: PlanBook cannot read these places (the file was changed outside PlanBook, or is damaged). Restore a backup or correct them. The plan that was open stays open.</source>
        <translation>%1: ファイルが壊れています。次の箇所を PlanBook で読み取れません（PlanBook の外で変更されたか、ファイルが損傷しています）。バックアップから戻すか、これらの箇所を直してください。開いていた計画はそのまま開いています。</translation>
    </message>
    <message>
        <source>%1: the file is damaged (%2). The plan that was open stays open.</source>
        <translation>%1: ファイルが壊れています(%2)。開いていた計画はそのまま開いています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="87" />
        <source>Open a plan file (File ▸ Open) or create one.</source>
        <translation>計画ファイルを開くか(ファイル ▸ 開く)、新しく作成してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/change_log.py" line="41" />
        <source>Plan</source>
        <translation>計画</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/preview.py" line="22" />
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/dock_updates.py" line="48" />
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="120" />
        <source>Summary</source>
        <translation>集計</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="107" />
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="122" />
        <source>Problems and summary</source>
        <translation>問題と集計</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="151" />
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="174" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="176" />
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="180" />
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="187" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="196" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="201" />
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="208" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/priority_page.py" line="42" />
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="54" />
        <source>Cannot open the plan file</source>
        <translation>計画ファイルを開けません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="58" />
        <source>%1: not a PlanBook plan file (%2).</source>
        <translation>%1: PlanBook の計画ファイルではありません(%2)。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="177" />
        <source>Cannot create the plan file</source>
        <translation>計画ファイルを作成できません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="178" />
        <source>That file is open now; choose another name.</source>
        <translation>そのファイルは現在開いています。別の名前を選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="210" />
        <source>Cannot save the copy</source>
        <translation>コピーを保存できません</translation>
    </message>
    <message>
        <source>Could not write today's safety copy: %1</source>
        <translation>今日の安全コピーを書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>Another program changed this file; PlanBook reloaded it. The undo history was cleared.</source>
        <translation>別のプログラムがこのファイルを変更したため、読み込み直しました。元に戻す履歴は消去されました。</translation>
    </message>
    <message>
        <source>Safety copy written: %1</source>
        <translation>安全コピーを保存しました: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="212" />
        <source>Copy written: %1</source>
        <translation>コピーを保存しました: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="71" />
        <source>Open a plan file</source>
        <translation>計画ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="223" />
        <source>PlanBook plans (*.sqlite *.planbook *.db);;All files (*)</source>
        <translation>PlanBook 計画ファイル (*.sqlite *.planbook *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="230" />
        <source>New plan file</source>
        <translation>新しい計画ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="231" />
        <source>PlanBook plans (*.sqlite)</source>
        <translation>PlanBook 計画ファイル (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="239" />
        <source>Save a copy as</source>
        <translation>コピーを保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/files.py" line="258" />
        <source>%1: no such file.</source>
        <translation>%1: ファイルがありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/dock_updates.py" line="32" />
        <source>Checks failed: %1</source>
        <translation>チェックに失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/dock_updates.py" line="48" />
        <source>Problems (%1)</source>
        <translation>問題 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="349" />
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="351" />
        <source>&lt;opened&gt;</source>
        <translation>&lt;ファイルを開いた時点&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window.py" line="353" />
        <source>Click a step to go back to it; every step is already saved.</source>
        <translation>戻りたい段階をクリックしてください。どの段階も保存済みです。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="52" />
        <source>Typesetting the booklet…</source>
        <translation>冊子を組版しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="57" />
        <source>Typesetting the ward sheets…</source>
        <translation>区の取組シートを組版しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="63" />
        <source>Writing the workbook…</source>
        <translation>ブックを書き出しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="70" />
        <source>Booklet PDF</source>
        <translation>冊子 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/compare_window.py" line="180" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="75" />
        <source>For the printer (3 mm bleed, crop marks, pages padded to a multiple of 4)?</source>
        <translation>印刷所入稿用にしますか(塗り足し3mm、トンボ付き、ページ数を4の倍数に調整)?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="85" />
        <source>Ward sheets PDF</source>
        <translation>区の取組シート PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="94" />
        <source>Ward sheet to Excel</source>
        <translation>区の取組シートを Excel へ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="95" />
        <source>Select a ward in the navigator first.</source>
        <translation>先にナビゲーターで区を選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/compare_window.py" line="180" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/export_menu.py" line="105" />
        <source>Import a ward workbook</source>
        <translation>区の Excel ブックを取り込む</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_state.py" line="38" />
        <source>(in memory)</source>
        <translation>(メモリ上)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_state.py" line="54" />
        <source>&amp;Undo %1</source>
        <translation>元に戻す: %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="75" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_state.py" line="56" />
        <source>&amp;Redo %1</source>
        <translation>やり直し: %1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="76" />
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_state.py" line="170" />
        <source>About PlanBook</source>
        <translation>PlanBook について</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/window_state.py" line="171" />
        <source>&lt;h3&gt;PlanBook&lt;/h3&gt;&lt;p&gt;Edit the city's annual action plan and typeset its booklet and ward sheets.&lt;/p&gt;&lt;p&gt;Every change is saved to the plan file as you make it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PlanBook(プランブック)&lt;/h3&gt;&lt;p&gt;市の年度アクションプランを編集し、冊子と区の取組シートを組版します。&lt;/p&gt;&lt;p&gt;変更はその都度、計画ファイルに保存されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Click a row of a table first; Del deletes the selected rows.</source>
        <translation>先に表の行をクリックしてください。Del キーで選択した行を削除します。</translation>
    </message>
    <message>
        <source>Some edits could not be saved</source>
        <translation>保存できなかった編集があります</translation>
    </message>
    <message>
        <source>Another program kept the file locked, so these edits are not in it: %1</source>
        <translation>別のプログラムがファイルをロックし続けたため、次の編集はファイルに保存されていません: %1</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <source>Click a cell of a table first; Del empties the selected cells.</source>
        <translation>先に表のセルをクリックしてください。Delete で選択したセルを空にします。</translation>
    </message>
    <message>
        <source>Click a row of a table first; Ctrl+- deletes the selected rows.</source>
        <translation>先に表の行をクリックしてください。Ctrl+- で選択した行を削除します。</translation>
    </message>
    <message>
        <source>Name written beside your changes (empty: your user name, %1):</source>
        <translation>変更履歴に記録する名前（空欄ならユーザー名 %1）:</translation>
    </message>
    <message>
        <source>Your name in the change log</source>
        <translation>変更履歴に記録する名前</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>final (確定)</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="53" />
        <source>Front matter</source>
        <translation>表紙・前文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="54" />
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/new_year_dialog.py" line="30" />
        <source>Priority items</source>
        <translation>重点事項</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="61" />
        <source>Priority %1</source>
        <translation>重点事項%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/new_year_dialog.py" line="28" />
        <source>Visions</source>
        <translation>ビジョン</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="72" />
        <source>Vision %1</source>
        <translation>ビジョン%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="76" />
        <source>Measures (%1)</source>
        <translation>施策 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="80" />
        <source>Initiatives (%1)</source>
        <translation>取組 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="83" />
        <source>(untitled)</source>
        <translation>(無題)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="87" />
        <source>Wards</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="91" />
        <source>Projects (%1)</source>
        <translation>事業 (%1)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="72" />
        <source>Vision %1</source>
        <translation>ビジョン%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="61" />
        <source>Initial budget</source>
        <translation>当初予算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="24" />
        <source>Revised</source>
        <translation>補正後</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="24" />
        <source>Settled</source>
        <translation>決算額</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="75" />
        <source>Subtotal: %1</source>
        <translation>小計: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="79" />
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/fields.py" line="53" />
        <source>Allocation</source>
        <translation>配分額</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="91" />
        <source>Projects</source>
        <translation>事業</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/new_year_dialog.py" line="33" />
        <source>Ward</source>
        <translation>区の情報</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="151" />
        <source>Groups</source>
        <translation>グループ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="152" />
        <source>Booklet panel</source>
        <translation>冊子の区の取組</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/priority_page.py" line="32" />
        <source>Priority item %1</source>
        <translation>重点事項%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="53" />
        <source>Front matter</source>
        <translation>表紙・前文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/make_page.py" line="46" />
        <source>Contact (back cover)</source>
        <translation>連絡先(裏表紙)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/new_year_dialog.py" line="30" />
        <source>Priority items</source>
        <translation>重点事項</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/new_year_dialog.py" line="28" />
        <source>Visions</source>
        <translation>ビジョン</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/navigator.py" line="87" />
        <source>Wards</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Budget summary (¥1,000)</source>
        <translation>予算の集計(千円)</translation>
    </message>
    <message>
        <source>Execution rate (settled ÷ revised)</source>
        <translation>執行率(決算額 ÷ 補正後)</translation>
    </message>
    <message>
        <source>How much of the revised budget was actually spent.</source>
        <translation>補正後予算のうち実際に支出した割合です。</translation>
    </message>
    <message>
        <source>Initiatives (%1)</source>
        <translation>取組 (%1)</translation>
    </message>
    <message>
        <source>Main actions</source>
        <translation>主なアクション</translation>
    </message>
    <message>
        <source>Measures (%1)</source>
        <translation>施策 (%1)</translation>
    </message>
    <message>
        <source>Over the allocation by %1</source>
        <translation>配分額を %1 超過しています</translation>
    </message>
    <message>
        <source>Remaining (allocation − total)</source>
        <translation>残額(配分額 − 合計)</translation>
    </message>
    <message>
        <source>What is left of the allocation at each budget stage; △ and red mean the projects exceed the allocation.</source>
        <translation>各予算段階で配分額から残っている額です。△(赤字)は事業費が配分額を超えていることを示します。</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../desktop/ui/docks/problems.py" line="63" />
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/problems.py" line="28" />
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cycle/compare_window.py" line="148" />
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/problems.py" line="28" />
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/problems.py" line="55" />
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/problems.py" line="56" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/problems.py" line="72" />
        <source>%1 errors, %2 warnings</source>
        <translation>エラー %1件、警告 %2件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/problems.py" line="74" />
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="23" />
        <source>Section</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="23" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="23" />
        <source>Amount / initial</source>
        <translation>予算額/当初</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="24" />
        <source>Revised</source>
        <translation>補正後</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/summary.py" line="24" />
        <source>Settled</source>
        <translation>決算額</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="107" />
        <source>Search titles, descriptions and amounts; Enter to search</source>
        <translation>名称・内容・金額を検索(Enter で検索)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="111" />
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/search.py" line="135" />
        <source>%1 hits</source>
        <translation>%1件</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../desktop/ui/docks/preview.py" line="62" />
        <source>The preview appears here while you edit.</source>
        <translation>編集中の部分のプレビューがここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/preview.py" line="111" />
        <source>Rendering the preview…</source>
        <translation>プレビューを作成しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/preview.py" line="88" />
        <source>Preview: %1 pages</source>
        <translation>プレビュー: %1ページ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/docks/preview.py" line="151" />
        <source>No preview: %1</source>
        <translation>プレビューなし: %1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop/ui/cycle/compare_model.py" line="25" />
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/cells.py" line="29" />
        <source>Expanded</source>
        <translation>拡充</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/cells.py" line="30" />
        <source>Continued</source>
        <translation>継続</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/cells.py" line="49" />
        <source>「%1」 is not a status: use 新規, 拡充 or 継続</source>
        <translation>「%1」は状態ではありません。新規・拡充・継続のいずれかを入力してください</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../desktop/ui/tables/table_editor.py" line="77" />
        <source>Filter rows (title, text, amount)…</source>
        <translation>行を絞り込み(名称・内容・金額)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/json_list.py" line="40" />
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/actions.py" line="91" />
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/table_editor.py" line="125" />
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/table_editor.py" line="127" />
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/table_editor.py" line="204" />
        <source>%1 rows</source>
        <translation>%1行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/table_editor.py" line="196" />
        <source>%1 of %2 rows shown</source>
        <translation>%2行中%1行を表示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/ward_page.py" line="79" />
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/row_edits.py" line="27" />
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/row_edits.py" line="41" />
        <source>Duplicate %1 rows</source>
        <translation>%1行を複製</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/row_edits.py" line="72" />
        <source>Delete %1 rows</source>
        <translation>%1行を削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/row_edits.py" line="130" />
        <source>Move rows up</source>
        <translation>行を上へ移動</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/row_edits.py" line="130" />
        <source>Move rows down</source>
        <translation>行を下へ移動</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/clipboard.py" line="44" />
        <source>Copied %1 × %2 cells</source>
        <translation>%1行 × %2列のセルをコピーしました</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/clipboard.py" line="68" />
        <source>Paste refused: %1</source>
        <translation>貼り付けできません: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/clipboard.py" line="68" />
        <source>Paste refused</source>
        <translation>貼り付けできません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/clipboard.py" line="70" />
        <source>Nothing was pasted. Fix these cells and paste again:</source>
        <translation>何も貼り付けていません。次のセルを直してから、もう一度貼り付けてください:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tables/clipboard.py" line="93" />
        <source>Pasted %1 rows</source>
        <translation>%1行を貼り付けました</translation>
    </message>
    <message>
        <source>Add a row below the current one</source>
        <translation>現在の行の下に行を追加</translation>
    </message>
    <message>
        <source>Delete the selected rows</source>
        <translation>選択した行を削除</translation>
    </message>
    <message>
        <source>Duplicate the selected rows</source>
        <translation>選択した行を複製</translation>
    </message>
    <message>
        <source>Move the selected rows down</source>
        <translation>選択した行を下へ移動</translation>
    </message>
    <message>
        <source>Move the selected rows up</source>
        <translation>選択した行を上へ移動</translation>
    </message>
    <message>
        <source>No row matches 「%1」. Clear the filter (Esc) to see all %2 rows.</source>
        <translation>「%1」に一致する行はありません。絞り込みを解除(Esc)すると全 %2 行が表示されます。</translation>
    </message>
    <message>
        <source>%1: %2 (all rows: %3)</source>
        <translation>%1: %2(全行: %3)</translation>
    </message>
    <message>
        <source>Shown rows</source>
        <translation>表示中の行</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 を消去</translation>
    </message>
    <message>
        <source>Clear %1 cells</source>
        <translation>%1 個のセルを消去</translation>
    </message>
    <message>
        <source>Cleared %1 cells (Ctrl+Z brings them back)</source>
        <translation>%1 個のセルを空にしました（Ctrl+Z で戻せます）</translation>
    </message>
    <message>
        <source>Delete %1 rows with everything in them?</source>
        <translation>%1 行を、その内容ごと削除しますか？</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <source>The pasted cells hold what the table already has.</source>
        <translation>貼り付ける内容は表の内容と同じです。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…ほか %1 行</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>Not saved yet: %1 PlanBook keeps the typed value and tries again every few seconds.</source>
        <translation>まだ保存されていません: %1 入力した値はそのまま残し、数秒ごとに保存を再試行します。</translation>
    </message>
    <message>
        <source>Saved: the edits that had to wait are in the file now.</source>
        <translation>保存しました: 待機していた編集はファイルに書き込まれました。</translation>
    </message>
    <message>
        <source>An edit is still waiting to be saved; undo and redo wait for it.</source>
        <translation>保存待ちの編集があります。保存されるまで元に戻す・やり直しはできません。</translation>
    </message>
</context>
<context>
    <name>Db</name>
    <message>
        <source>must not hold NaN or Infinity</source>
        <translation>NaN や Infinity は使えません</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>%1 が入っています</translation>
    </message>
    <message>
        <source>refers to a missing %1 row</source>
        <translation>存在しない %1 の行を参照しています</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>リストでなければなりません</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>不明な項目です</translation>
    </message>
    <message>
        <source>must be a whole number or null</source>
        <translation>整数または null でなければなりません</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>文字列でなければなりません</translation>
    </message>
    <message>
        <source>must be text or null</source>
        <translation>文字列または null でなければなりません</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>%1文字を超えています</translation>
    </message>
    <message>
        <source>must be JSON with the keys %1</source>
        <translation>キー %1 を持つ JSON でなければなりません</translation>
    </message>
    <message>
        <source>must be a JSON list of texts</source>
        <translation>文字列の JSON リストでなければなりません</translation>
    </message>
    <message>
        <source>must be a JSON list of vision numbers</source>
        <translation>ビジョン番号の JSON リストでなければなりません</translation>
    </message>
    <message>
        <source>must be a JSON object of texts</source>
        <translation>文字列の JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>%1 must be a list of texts</source>
        <translation>%1 は文字列のリストでなければなりません</translation>
    </message>
    <message>
        <source>rows must be lists of texts</source>
        <translation>rows は文字列のリストの並びでなければなりません</translation>
    </message>
    <message>
        <source>image must be text or null</source>
        <translation>image は文字列または null でなければなりません</translation>
    </message>
    <message>
        <source>%1 must be text</source>
        <translation>%1 は文字列でなければなりません</translation>
    </message>
    <message>
        <source>table %1 row %2 column %3: %4</source>
        <translation>テーブル %1 の行 %2、列 %3: %4</translation>
    </message>
    <message>
        <source>is empty (NULL) but must have a value</source>
        <translation>空 (NULL) ですが、値が必要です</translation>
    </message>
    <message>
        <source>holds %1 %2 where %3 belongs</source>
        <translation>%3 が入るべきところに %1 の %2 が入っています</translation>
    </message>
    <message>
        <source>%1 is outside %2–%3</source>
        <translation>%1 は %2～%3 の範囲外です</translation>
    </message>
    <message>
        <source>「%1」 is not one of %2</source>
        <translation>「%1」は %2 のいずれでもありません</translation>
    </message>
    <message>
        <source>is not valid JSON</source>
        <translation>正しい JSON ではありません</translation>
    </message>
    <message>
        <source>The input was refused:</source>
        <translation>入力は受け付けられませんでした:</translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>何も取り込まれていません:</translation>
    </message>
    <message>
        <source>%1: is a folder, not a file</source>
        <translation>%1: ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>%1: is not a regular file (a pipe or a device); save it as a file first</source>
        <translation>%1: 通常のファイルではありません（パイプまたはデバイス）。いったんファイルとして保存してください</translation>
    </message>
    <message>
        <source>%1: is too large (%2; PlanBook reads files of at most %3)</source>
        <translation>%1: 大きすぎます（%2。PlanBook が読み込めるのは %3 までです）</translation>
    </message>
    <message>
        <source>%1: is too large (PlanBook reads files of at most %2)</source>
        <translation>%1: 大きすぎます（PlanBook が読み込めるのは %2 までです）</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: ファイルがありません</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: 読み込めません（%2）</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text (byte %2)</source>
        <translation>%1: UTF-8 のテキストではありません（%2 バイト目）</translation>
    </message>
    <message>
        <source>a number of %1 digits</source>
        <translation>%1桁の数</translation>
    </message>
    <message>
        <source>text 「%1」</source>
        <translation>文字列「%1」</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>数値 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>must be "%1" (this is not a PlanBook interchange file)</source>
        <translation>"%1" でなければなりません（PlanBook の交換ファイルではありません）</translation>
    </message>
    <message>
        <source>%1 is newer than this PlanBook reads (%2); update PlanBook</source>
        <translation>%1 はこの PlanBook が読める版（%2）より新しい形式です。PlanBook を更新してください</translation>
    </message>
    <message>
        <source>must be %1</source>
        <translation>%1 でなければなりません</translation>
    </message>
    <message>
        <source>must be 64 hexadecimal digits or empty</source>
        <translation>64桁の16進数または空でなければなりません</translation>
    </message>
    <message>
        <source>must be "YYYY-MM" or null</source>
        <translation>"YYYY-MM" 形式または null でなければなりません</translation>
    </message>
    <message>
        <source>must be a list of rows, not %1</source>
        <translation>行のリストでなければなりません（%1 ではなく）</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>オブジェクトでなければなりません（%1 ではなく）</translation>
    </message>
    <message>
        <source>must be text, not %1</source>
        <translation>文字列でなければなりません（%1 ではなく）</translation>
    </message>
    <message>
        <source>required (empty)</source>
        <translation>必須です（空欄）</translation>
    </message>
    <message>
        <source>must be a list of text, not %1</source>
        <translation>文字列のリストでなければなりません（%1 ではなく）</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>整数でなければなりません（%1 ではなく）</translation>
    </message>
    <message>
        <source>must be one of %1, not %2</source>
        <translation>%1 のいずれかでなければなりません（%2 ではなく）</translation>
    </message>
    <message>
        <source>must be a list, not %1</source>
        <translation>リストでなければなりません（%1 ではなく）</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必須です</translation>
    </message>
    <message>
        <source>duplicate ward 「%1」</source>
        <translation>区「%1」が重複しています</translation>
    </message>
    <message>
        <source>duplicate fiscal year %1</source>
        <translation>年度 %1 が重複しています</translation>
    </message>
    <message>
        <source>duplicate vision number %1</source>
        <translation>ビジョン番号 %1 が重複しています</translation>
    </message>
    <message>
        <source>must be "#RRGGBB", not %1</source>
        <translation>"#RRGGBB" 形式でなければなりません（%1 ではなく）</translation>
    </message>
    <message>
        <source>must be a list of vision numbers</source>
        <translation>ビジョン番号のリストでなければなりません</translation>
    </message>
    <message>
        <source>「%1」 is not in the top-level wards list</source>
        <translation>「%1」は区の一覧（wards）にありません</translation>
    </message>
    <message>
        <source>duplicate ward plan for 「%1」</source>
        <translation>「%1」の区のシートが重複しています</translation>
    </message>
    <message>
        <source>use lower-case letters, digits and '-' only</source>
        <translation>英小文字・数字・'-' だけを使ってください</translation>
    </message>
    <message>
        <source>duplicate initiative key 「%1」</source>
        <translation>取組のキー「%1」が重複しています</translation>
    </message>
    <message>
        <source>duplicate priority number %1</source>
        <translation>重点事項の番号 %1 が重複しています</translation>
    </message>
    <message>
        <source>must be a list of text cells</source>
        <translation>文字列のセルのリストでなければなりません</translation>
    </message>
    <message>
        <source>(document): nested too deeply (a plan is at most %1 levels deep)</source>
        <translation>(文書): 入れ子が深すぎます（計画の入れ子は最大 %1 段です）</translation>
    </message>
    <message>
        <source>(file): already holds a plan; import into a new file or use --replace</source>
        <translation>(ファイル): すでに計画が入っています。新しいファイルに取り込むか --replace を使ってください</translation>
    </message>
    <message>
        <source>duplicate measure code 「%1」</source>
        <translation>施策コード「%1」が重複しています</translation>
    </message>
    <message>
        <source>no vision %1 in this edition</source>
        <translation>この年度にビジョン %1 はありません</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true か false でなければなりません</translation>
    </message>
    <message>
        <source>must be a group index 0–%1 or null</source>
        <translation>区分の番号 0～%1 または null でなければなりません</translation>
    </message>
    <message>
        <source>duplicate project number %1</source>
        <translation>事業番号 %1 が重複しています</translation>
    </message>
    <message>
        <source>no initiative with key 「%1」 in this edition</source>
        <translation>この年度にキー「%1」の取組はありません</translation>
    </message>
    <message>
        <source>has %1 cells; the table has %2 columns</source>
        <translation>セルが %1 個ありますが、表の列は %2 列です</translation>
    </message>
    <message>
        <source>line %1, column %2: not valid JSON (%3)</source>
        <translation>%1 行 %2 列目: 正しい JSON ではありません（%3）</translation>
    </message>
    <message>
        <source>(document): cannot be stored (%1)</source>
        <translation>(文書): 保存できません（%1）</translation>
    </message>
    <message>
        <source>must be {"vision": N}, {"ward": name} or null</source>
        <translation>{"vision": 番号}、{"ward": 区名} または null でなければなりません</translation>
    </message>
    <message>
        <source>no measure %1 in vision %2</source>
        <translation>ビジョン %2 に施策 %1 はありません</translation>
    </message>
    <message>
        <source>no ward plan for %1 in this edition</source>
        <translation>この年度に %1 の区のシートはありません</translation>
    </message>
    <message>
        <source>too long: %1 characters (at most %2)</source>
        <translation>長すぎます: %1文字（最大 %2文字）</translation>
    </message>
    <message>
        <source>contains an invalid character (a lone surrogate code point)</source>
        <translation>使えない文字（単独のサロゲート）が含まれています</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>NUL 文字が含まれています</translation>
    </message>
    <message>
        <source>too many items: %1 (at most %2)</source>
        <translation>項目が多すぎます: %1件（最大 %2件）</translation>
    </message>
    <message>
        <source>must be ≥ %1, not %2</source>
        <translation>%1 以上でなければなりません（%2 ではなく）</translation>
    </message>
    <message>
        <source>is too large (at most %1)</source>
        <translation>大きすぎます（最大 %1）</translation>
    </message>
    <message>
        <source>is too small</source>
        <translation>小さすぎます</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: no digits</source>
        <translation>「%1」は金額ではありません: 数字がありません</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: amounts are whole 千円, no decimals</source>
        <translation>「%1」は金額ではありません: 金額は千円単位の整数で入力します（小数は使えません）</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: use digits like 24,300 (in 千円)</source>
        <translation>「%1」は金額ではありません: 24,300 のように数字で入力してください（千円単位）</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: the number is too large</source>
        <translation>「%1」は金額ではありません: 数が大きすぎます</translation>
    </message>
    <message>
        <source>「%1」 is not allowed: the amount cannot be negative</source>
        <translation>「%1」は入力できません: 金額に負の値は使えません</translation>
    </message>
    <message>
        <source>%1: not a PlanBook ward sheet (%2); export the ward's sheet with PlanBook, edit it, and import that file</source>
        <translation>%1: PlanBook の区のシートではありません（%2）。PlanBook で区のシートを書き出し、編集してからそのファイルを取り込んでください</translation>
    </message>
    <message>
        <source>it unpacks to %1 MB, far more than a ward sheet</source>
        <translation>展開すると %1 MB になり、区のシートとしては大きすぎます</translation>
    </message>
    <message>
        <source>not an .xlsx workbook: %1</source>
        <translation>.xlsx ブックではありません: %1</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
    <message>
        <source>its sheet 「%1」 cannot be read: %2</source>
        <translation>シート「%1」を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 was refused; nothing was imported:</source>
        <translation>%1 は受け付けられませんでした。何も取り込まれていません:</translation>
    </message>
    <message>
        <source>%1!B4:B6: the ward, fiscal year or sheet named in the hidden %1 sheet was changed (it says %2 %3)</source>
        <translation>%1!B4:B6: 非表示の %1 シートにある区・年度・シート名が書き換えられています（%2 %3 となっています）</translation>
    </message>
    <message>
        <source>%1!B8: the hidden list of exported projects was changed</source>
        <translation>%1!B8: 非表示の書き出し済み事業の一覧が書き換えられています</translation>
    </message>
    <message>
        <source>%1 was refused: it was altered outside PlanBook's editable cells; nothing was imported:</source>
        <translation>%1 は受け付けられませんでした: 編集できるセル以外が書き換えられています。何も取り込まれていません:</translation>
    </message>
    <message>
        <source>%1: the workbook is not signed (written by an older PlanBook, or its signature was removed); export the ward's sheet again and enter the changes there</source>
        <translation>%1: ブックに署名がありません（古い PlanBook で書き出されたか、署名が消されています）。区のシートを書き出し直し、そこに変更を入力してください</translation>
    </message>
    <message>
        <source>%1: the hidden identity of this row (PlanBook ID, 区, 年度) was changed</source>
        <translation>%1: この行の非表示の識別情報（PlanBook ID・区・年度）が書き換えられています</translation>
    </message>
    <message>
        <source>%1: this database has no %2 sheet for %3</source>
        <translation>%1: このファイルには %3 の %2 のシートがありません</translation>
    </message>
    <message>
        <source>%1: project %2 is not one of %3's projects for %4 (it was removed from the database, or the row came from another file)</source>
        <translation>%1: 事業 %2 は %4 の %3 の事業ではありません（ファイルから削除されたか、別のファイルから写した行です）</translation>
    </message>
    <message>
        <source>%1: the hidden export values of this row were changed</source>
        <translation>%1: この行の非表示の書き出し時の値が書き換えられています</translation>
    </message>
    <message>
        <source>%1: 「%2」 is not one of %3's groups (%4)</source>
        <translation>%1: 「%2」は %3 の区分ではありません（%4）</translation>
    </message>
    <message>
        <source>%1: project %2 (%3) changed in the database since the import was prepared; prepare it again</source>
        <translation>%1: 事業 %2（%3）は取り込みの準備の後にファイル側で変更されました。もう一度取り込んでください</translation>
    </message>
    <message>
        <source>「%1」 is not an amount</source>
        <translation>「%1」は金額ではありません</translation>
    </message>
    <message>
        <source>it has no %1 sheet</source>
        <translation>%1 シートがありません</translation>
    </message>
    <message>
        <source>its %1 sheet is not a ward sheet's</source>
        <translation>%1 シートが区のシートのものではありません</translation>
    </message>
    <message>
        <source>its format version or fiscal year is unreadable</source>
        <translation>形式の版または年度を読み取れません</translation>
    </message>
    <message>
        <source>the ward's sheet 「%1」 is missing</source>
        <translation>区のシート「%1」がありません</translation>
    </message>
    <message>
        <source>the header row %1!%2 was changed</source>
        <translation>見出し行 %1!%2 が変更されています</translation>
    </message>
    <message>
        <source>%1: the total row (合計) is missing; PlanBook cannot tell where the projects end</source>
        <translation>%1: 合計の行がありません。事業の終わりが分かりません</translation>
    </message>
    <message>
        <source>%1 was refused; nothing was imported. Correct these cells and import it again:</source>
        <translation>%1 は受け付けられませんでした。何も取り込まれていません。次のセルを直してもう一度取り込んでください:</translation>
    </message>
    <message>
        <source>%1: 事業名 is missing (every project needs a name; to remove a project choose 削除 in its row)</source>
        <translation>%1: 事業名がありません（事業には名前が必要です。事業を削除するときはその行の「削除」を選んでください）</translation>
    </message>
    <message>
        <source>「%1」 is not an amount: type the figure, not a formula</source>
        <translation>「%1」は金額ではありません: 数式ではなく数値を入力してください</translation>
    </message>
    <message>
        <source>%1: written by a newer PlanBook (ward sheet format %2; this PlanBook reads up to %3); install the newer PlanBook to import it</source>
        <translation>%1: 新しい PlanBook で書き出されています（区のシートの形式 %2。この PlanBook が読めるのは %3 まで）。新しい PlanBook を入れてから取り込んでください</translation>
    </message>
    <message>
        <source>%1: holds a formula (%2); type the text itself</source>
        <translation>%1: 数式（%2）が入っています。文字そのものを入力してください</translation>
    </message>
    <message>
        <source>%1: the hidden PlanBook ID 「%2」 was changed; export the sheet again</source>
        <translation>%1: 非表示の PlanBook ID「%2」が変更されています。シートを書き出し直してください</translation>
    </message>
    <message>
        <source>%1: this row belongs to %2, not to %3 %4; a %3 file may change only %3's projects for %4</source>
        <translation>%1: この行は %2 のもので、%3 %4 のものではありません。%3 のファイルで変更できるのは %4 の %3 の事業だけです</translation>
    </message>
    <message>
        <source>%1: 「%2」 is not a project number (a whole number from 1)</source>
        <translation>%1: 「%2」は事業番号ではありません（1 以上の整数）</translation>
    </message>
    <message>
        <source>%1: 「%2」 is not a status: use 新規, 継続 or 拡充 (or leave it blank)</source>
        <translation>%1: 「%2」は「新規・継続・拡充」の値ではありません。新規・継続・拡充のいずれかを使うか、空欄にしてください</translation>
    </message>
    <message>
        <source>%1: 「%2」: to remove the project choose 削除; otherwise leave the cell blank</source>
        <translation>%1: 「%2」: 事業を削除するときは「削除」を選び、それ以外は空欄にしてください</translation>
    </message>
    <message>
        <source>%1: the hidden export values were changed; export the sheet again</source>
        <translation>%1: 非表示の書き出し時の値が変更されています。シートを書き出し直してください</translation>
    </message>
    <message>
        <source>%1: 合計の数式が%2で上書きされていました。PlanBook はこの値を使わず、各行から合計します</source>
        <translation>%1: 合計の数式が%2で上書きされていました。PlanBook はこの値を使わず、各行から合計します</translation>
    </message>
    <message>
        <source>%1: below the total row (合計), where PlanBook does not read projects; insert new projects above 合計</source>
        <translation>%1: 合計の行より下です。ここは事業として読み込まれません。新しい事業は合計の行より上に入力してください</translation>
    </message>
    <message>
        <source>%1!%2%3: far below the projects (a ward sheet has at most %4 rows); delete it</source>
        <translation>%1!%2%3: 事業の表からはるか下にあります（区のシートは最大 %4 行）。削除してください</translation>
    </message>
    <message>
        <source>%1: No. %2 is used twice (rows %3 and %4)</source>
        <translation>%1: No. %2 が2回使われています（%3 行目と %4 行目）</translation>
    </message>
    <message>
        <source>its list of exported projects is unreadable</source>
        <translation>書き出し済み事業の一覧を読み取れません</translation>
    </message>
    <message>
        <source>%1!%2%3: outside the table; delete it</source>
        <translation>%1!%2%3: 表の外です。削除してください</translation>
    </message>
    <message>
        <source>%1: the same project appears twice (rows %2 and %3); a copied row keeps the original's hidden ID, so enter new projects in empty rows</source>
        <translation>%1: 同じ事業が2回あります（%2 行目と %3 行目）。行を写すと元の非表示の ID も写るため、新しい事業は空いている行に入力してください</translation>
    </message>
    <message>
        <source>a final (確定) fiscal year cannot be changed: reopen it first (planbook reopen --year Y --reason …).</source>
        <translation>確定した年度は変更できません。先に確定を解除してください(planbook reopen --year 年度 --reason 理由)。</translation>
    </message>
    <message>
        <source>%1 (%2) is final (確定) and cannot be changed: reopen it first (planbook reopen --year %2 --reason …), or roll it over into a new year (planbook new-year --from %2).</source>
        <translation>%1 (%2) は確定済みのため変更できません。先に確定を解除するか(planbook reopen --year %2 --reason 理由)、新年度を作成してください(planbook new-year --from %2)。</translation>
    </message>
    <message>
        <source>not a heading PlanBook prints (known: %1)</source>
        <translation>PlanBook が印刷する見出しではありません（使える見出し: %1）</translation>
    </message>
    <message>
        <source>%1: is a folder, not a plan file.</source>
        <translation>%1: フォルダーです。計画ファイルではありません。</translation>
    </message>
    <message>
        <source>%1: not a PlanBook plan file (it is not an SQLite database).</source>
        <translation>%1: PlanBook の計画ファイルではありません（SQLite データベースではありません）。</translation>
    </message>
    <message>
        <source>%1: not a PlanBook plan file (another application's database).</source>
        <translation>%1: PlanBook の計画ファイルではありません（別のアプリケーションのデータベースです）。</translation>
    </message>
    <message>
        <source>%1: not a PlanBook plan file (an SQLite database of something else).</source>
        <translation>%1: PlanBook の計画ファイルではありません（別の用途の SQLite データベースです）。</translation>
    </message>
    <message>
        <source>%1: is an empty file, not a plan file.</source>
        <translation>%1: 空のファイルです。計画ファイルではありません。</translation>
    </message>
    <message>
        <source>%1: was saved by a newer PlanBook (file format %2; this PlanBook reads up to %3). Install the newer PlanBook to open it; the file was not changed.</source>
        <translation>%1: 新しい PlanBook で保存されています（ファイル形式 %2。この PlanBook が読めるのは %3 まで）。新しい PlanBook をインストールして開いてください。ファイルは変更していません。</translation>
    </message>
    <message>
        <source>%1: the file is damaged (%2).</source>
        <translation>%1: ファイルが破損しています（%2）。</translation>
    </message>
    <message>
        <source>%1: the file contains things PlanBook does not create (%2). It was not opened, so they cannot run; use a copy made by PlanBook instead.</source>
        <translation>%1: PlanBook が作成しないもの（%2）がファイルに含まれています。実行されないよう、ファイルは開きませんでした。PlanBook で作成したコピーを使ってください。</translation>
    </message>
    <message>
        <source>%1: the folder is read-only. PlanBook keeps a journal beside an open plan file; copy the file to a folder you can write to.</source>
        <translation>%1: フォルダーが読み取り専用です。PlanBook は開いている計画ファイルの横に作業用のファイルを作ります。書き込めるフォルダーにファイルをコピーしてください。</translation>
    </message>
    <message>
        <source>%1: the file or its folder is read-only (%2).</source>
        <translation>%1: ファイルまたはフォルダーが読み取り専用です（%2）。</translation>
    </message>
    <message>
        <source>%1: permission denied (%2).</source>
        <translation>%1: アクセスが拒否されました（%2）。</translation>
    </message>
    <message>
        <source>%1: the disk is full. Nothing was changed; free some space and try again.</source>
        <translation>%1: ディスクがいっぱいです。何も変更していません。空き容量を確保してからもう一度お試しください。</translation>
    </message>
    <message>
        <source>%1: the folder cannot be used (%2).</source>
        <translation>%1: フォルダーを使用できません（%2）。</translation>
    </message>
    <message>
        <source>%1: another program is writing to the file and keeps it locked. Nothing was changed; try again.</source>
        <translation>%1: 別のプログラムがファイルに書き込み中で、ロックされています。何も変更していません。もう一度お試しください。</translation>
    </message>
    <message>
        <source>%1: the file is open in another program; close it there first.</source>
        <translation>%1: ファイルが別のプログラムで開かれています。先にそちらで閉じてください。</translation>
    </message>
    <message>
        <source>%1: the disk reported an error (%2).</source>
        <translation>%1: ディスクでエラーが発生しました（%2）。</translation>
    </message>
    <message>
        <source>「%1」 was changed by another program (it is now 「%2」): the undo was not applied, so that change is kept.</source>
        <translation>「%1」は別のプログラムによって変更されています（現在は「%2」）。元に戻す操作は行わず、その変更を残しました。</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>%1: ファイルがありません。</translation>
    </message>
</context>
<context>
    <name>Cycle</name>
    <message>
        <source>Wording to review in %1</source>
        <translation>%1 の確認が必要な記載</translation>
    </message>
    <message>
        <source>These places name a year and were copied as they were. Double-click one to go to it.</source>
        <translation>次の箇所は年度を含む記載で、そのままコピーされています。ダブルクリックでその箇所に移動します。</translation>
    </message>
    <message>
        <source>%</source>
        <translation>増減率</translation>
    </message>
    <message>
        <source>%1 cannot be made final: the checks find %2 errors. Fix them first:</source>
        <translation>%1 は確定できません: チェックで %2 件のエラーがあります。先に修正してください:</translation>
    </message>
    <message>
        <source>%1 is a draft again.</source>
        <translation>%1 を案に戻しました。</translation>
    </message>
    <message>
        <source>%1 is final (確定).</source>
        <translation>%1 を確定しました。</translation>
    </message>
    <message>
        <source>%1 is final (確定): it is read-only. Reopen it to change it; the reason is recorded.</source>
        <translation>%1 は確定済みのため読み取り専用です。変更するには確定を解除してください(理由が記録されます)。</translation>
    </message>
    <message>
        <source>%1 is final. Why is it reopened? (recorded with your name and the time)</source>
        <translation>%1 は確定済みです。確定を解除する理由を入力してください(お名前と日時とともに記録されます)</translation>
    </message>
    <message>
        <source>%1 was created from %2 as a draft; %3 places name a year: review them.</source>
        <translation>%2 から %1 を案として作成しました。年度を含む記載が %3 か所あります。確認してください。</translation>
    </message>
    <message>
        <source>%1 years are skipped.</source>
        <translation>%1 年度分を飛ばします。</translation>
    </message>
    <message>
        <source>%1 → %2: %3 new, %4 discontinued, %5 renamed, %6 moved, %7 changed in amount</source>
        <translation>%1 → %2: 新規 %3件、廃止・終了 %4件、名称変更 %5件、移動 %6件、金額の増減 %7件</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(削除)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copied into a new draft&lt;/b&gt; (the year copied is never changed):</source>
        <translation>&lt;b&gt;新しい案にコピーするもの&lt;/b&gt;(コピー元の年度は変更されません):</translation>
    </message>
    <message>
        <source>&lt;b&gt;What changes on the way&lt;/b&gt;</source>
        <translation>&lt;b&gt;コピー時に変わるもの&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wording that names a year: review it after the copy (%1 places)&lt;/b&gt;</source>
        <translation>&lt;b&gt;年度を含む記載: コピー後に確認してください(%1 か所)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A snapshot is recorded: this edition is final</source>
        <translation>確定した年度のため、スナップショットを記録します</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>Booklet PDF</source>
        <translation>冊子PDF</translation>
    </message>
    <message>
        <source>Cancelled: nothing was created.</source>
        <translation>キャンセルしました: 何も作成していません。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Changes only</source>
        <translation>変更のみ表示</translation>
    </message>
    <message>
        <source>Compare %1 with</source>
        <translation>%1 と比べる年度</translation>
    </message>
    <message>
        <source>Compare with the previous year — %1</source>
        <translation>前年度比較 — %1</translation>
    </message>
    <message>
        <source>Copy from</source>
        <translation>コピー元</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>増減(千円)</translation>
    </message>
    <message>
        <source>Discontinued</source>
        <translation>廃止・終了</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>書き出しに失敗しました: %1</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>比較を書き出す</translation>
    </message>
    <message>
        <source>For the printer (3 mm bleed, crop marks, pages padded to a multiple of 4)</source>
        <translation>印刷所用(塗り足し3mm、トンボ、4の倍数ページ)</translation>
    </message>
    <message>
        <source>Initiative / project</source>
        <translation>取組名・事業名</translation>
    </message>
    <message>
        <source>Make %1 final (確定)? It becomes read-only everywhere and its booklet prints without (案).</source>
        <translation>%1 を確定しますか? 以後は読み取り専用になり、冊子に(案)が付かなくなります。</translation>
    </message>
    <message>
        <source>Make final</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>New fiscal year</source>
        <translation>新年度</translation>
    </message>
    <message>
        <source>Newly listed</source>
        <translation>掲載追加</translation>
    </message>
    <message>
        <source>No longer listed</source>
        <translation>掲載終了</translation>
    </message>
    <message>
        <source>No snapshot yet: one is recorded when the booklet of a final edition is exported, or of a draft with “Record a snapshot”.</source>
        <translation>スナップショットはまだありません: 確定した年度の冊子を書き出したとき、または案を「スナップショットを記録」で書き出したときに記録されます。</translation>
    </message>
    <message>
        <source>Note, e.g. 議会提出</source>
        <translation>メモ(例: 議会提出)</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Previous (¥1,000)</source>
        <translation>前年度(千円)</translation>
    </message>
    <message>
        <source>Previous name</source>
        <translation>前年度の名称</translation>
    </message>
    <message>
        <source>Previous name: %1</source>
        <translation>前年度の名称: %1</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>前年度比較</translation>
    </message>
    <message>
        <source>Record a snapshot (a draft sent out for review, e.g. to the council)</source>
        <translation>スナップショットを記録する(議会などに送る案)</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>名称変更</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>確定を解除</translation>
    </message>
    <message>
        <source>Reopen (確定を解除)…</source>
        <translation>確定を解除…</translation>
    </message>
    <message>
        <source>Say why it is reopened; nothing was changed.</source>
        <translation>確定を解除する理由を入力してください。何も変更していません。</translation>
    </message>
    <message>
        <source>Since %1 (%2 by %3): %4 changes</source>
        <translation>%1(%3 が%2)以降の変更: %4件</translation>
    </message>
    <message>
        <source>Since the last snapshot</source>
        <translation>前回のスナップショット以降</translation>
    </message>
    <message>
        <source>The checks list %1 warnings:</source>
        <translation>チェックで %1 件の警告があります:</translation>
    </message>
    <message>
        <source>There is no earlier fiscal year to compare with.</source>
        <translation>比べる前の年度がありません。</translation>
    </message>
    <message>
        <source>This year (¥1,000)</source>
        <translation>本年度(千円)</translation>
    </message>
    <message>
        <source>Typesetting the booklet…</source>
        <translation>冊子を組版しています…</translation>
    </message>
    <message>
        <source>What</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>書き出しました: %1</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未入力</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>sent out for review</source>
        <translation>確認用に送付</translation>
    </message>
    <message>
        <source>… and %1 more (see the Problems tab)</source>
        <translation>… ほか %1 件(問題タブを参照)</translation>
    </message>
    <message>
        <source>新旧対照表 PDF…</source>
        <translation>新旧対照表 PDF…</translation>
    </message>
    <message>
        <source>Visions</source>
        <translation>ビジョン</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>施策</translation>
    </message>
    <message>
        <source>Priority items</source>
        <translation>重点事項</translation>
    </message>
    <message>
        <source>Priority actions</source>
        <translation>重点事項の主なアクション</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>取組</translation>
    </message>
    <message>
        <source>Ward plans</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Ward groups</source>
        <translation>区の区分</translation>
    </message>
    <message>
        <source>Ward projects</source>
        <translation>区の事業</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>%1 of the newest %2 changes shown</source>
        <translation>最新 %2 件のうち %1 件を表示</translation>
    </message>
    <message>
        <source>(added)</source>
        <translation>（追加）</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（削除）</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（不明）</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Excel import</source>
        <translation>Excel 取り込み</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Fiscal year edition</source>
        <translation>年度版</translation>
    </message>
    <message>
        <source>From</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>取組</translation>
    </message>
    <message>
        <source>JSON import</source>
        <translation>JSON 取り込み</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>施策</translation>
    </message>
    <message>
        <source>New fiscal year</source>
        <translation>新年度の作成</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>計画</translation>
    </message>
    <message>
        <source>Priority action</source>
        <translation>重点事項のアクション</translation>
    </message>
    <message>
        <source>Priority item</source>
        <translation>重点事項</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>記録:</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>ビジョン</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Ward plan</source>
        <translation>区の計画</translation>
    </message>
    <message>
        <source>Ward project</source>
        <translation>区の事業</translation>
    </message>
    <message>
        <source>Ward project group</source>
        <translation>区の事業グループ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>すべての年度</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>since</source>
        <translation>この日以降</translation>
    </message>
    <message>
        <source>title or name contains…</source>
        <translation>名称に含まれる語…</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <source> and adds %1 rows</source>
        <translation>、%1 行を追加します</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>ほか %1 件</translation>
    </message>
    <message>
        <source>(added)</source>
        <translation>（追加）</translation>
    </message>
    <message>
        <source>, fills %1 empty cells</source>
        <translation>、空のセル %1 個に入力し</translation>
    </message>
    <message>
        <source>. OK pastes; Cancel leaves the table as it is. (One Ctrl+Z undoes the whole paste.)</source>
        <translation>。OK で貼り付け、キャンセルで表はそのままです（貼り付け全体を Ctrl+Z 1回で戻せます）。</translation>
    </message>
    <message>
        <source>After</source>
        <translation>貼り付け後</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Columns (by the header row): %1</source>
        <translation>列（見出し行で対応）: %1</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列: %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Paste: check the changes</source>
        <translation>貼り付け: 変更内容の確認</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>This paste overwrites %1 cells that hold something</source>
        <translation>この貼り付けは入力済みのセル %1 個を上書きし</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>新規 %1</translation>
    </message>
</context>
</TS>
