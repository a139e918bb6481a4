package exports

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// FontName is the font of every cell and chart: administrative documents
// are set in Times New Roman (Nghị định 30/2020/NĐ-CP).
const FontName = "Times New Roman"

// PaperA4 is the paper size code of A4 in a worksheet's page setup.
const PaperA4 = 9

// WriteStatisticsWorkbook writes the statistics workbook to w: the printable
// summary, every figure, the letter and reception tables, the meetings, the
// streamed letter register, a chart and then the inspectorate's forms, in
// the order of SheetNames.
func WriteStatisticsWorkbook(w io.Writer, data Workbook) error {
	return writeBook(w, data, officeSheetNames(), func(b *book) error {
		b.summary()
		b.figures()
		b.letterTables()
		b.reception()
		b.meetings()
		if b.err != nil {
			return b.err
		}
		if err := b.register(); err != nil {
			return err
		}
		b.chart()
		if b.err != nil {
			return b.err
		}
		return b.forms()
	})
}

// WriteForms writes a workbook of the inspectorate's forms alone
// (format=forms): one sheet per form of data.Forms, with the office, period
// and signature of data.
func WriteForms(w io.Writer, data Workbook) error {
	if len(data.Forms) == 0 {
		return errors.New("exports: no form to write")
	}
	return writeBook(w, data, nil, (*book).forms)
}

// writeBook creates the sheets (the given ones, then one per form), lets
// fill write them and writes the file to w.
func writeBook(w io.Writer, data Workbook, sheets []string, fill func(*book) error) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := f.SetDefaultFont(FontName); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	names := slices.Clone(sheets)
	for _, form := range data.Forms {
		names = append(names, form.Sheet)
	}
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return err
	}
	for _, name := range names[1:] {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := fill(&book{f: f, st: st, data: data}); err != nil {
		return err
	}
	// The first sheet stays the active one, as excelize's first sheet is.
	// No SetActiveSheet here: it would parse every sheet back into memory,
	// the streamed ones included.
	_, err = f.WriteTo(w)
	return err
}

// book carries the workbook being written and the first error met, so the
// layout code reads as a list of cells rather than a ladder of error checks.
type book struct {
	f    *excelize.File
	st   styles
	data Workbook
	err  error
	// domainFirst..domainLast are the data rows of the domain × kind table,
	// kindTotalRow its totals row and kindCols its number of kind columns:
	// the chart reads its totals there.
	domainFirst, domainLast int
	kindTotalRow, kindCols  int
}

// styles are the cell styles of the workbook, each in Times New Roman.
type styles struct {
	bold, center, centerBold, centerItalic, title                   int
	header, text, textBold, textWrap, num, numBold, diff, date, stt int
	// The forms' styles: header, MS row, unit, figures, totals, note and
	// the form number above the table.
	formHead, formMS, formUnit, formNum, formTotal, formNote, formNumber int
}

func newStyles(f *excelize.File) (styles, error) {
	var err error
	mk := func(s excelize.Style) int {
		if err != nil {
			return 0
		}
		if s.Font == nil {
			s.Font = &excelize.Font{}
		}
		s.Font.Family = FontName
		if s.Font.Size == 0 {
			s.Font.Size = 12
		}
		id, e := f.NewStyle(&s)
		if e != nil {
			err = e
		}
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	vcenter := func(h string, wrap bool, indent int) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap, Indent: indent}
	}
	intFmt, diffFmt, dateFmt := "#,##0", "+#,##0;-#,##0;0", "dd/mm/yyyy"
	s := styles{
		bold:         mk(excelize.Style{Font: &excelize.Font{Bold: true}}),
		center:       mk(excelize.Style{Alignment: vcenter("center", true, 0)}),
		centerBold:   mk(excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: vcenter("center", true, 0)}),
		centerItalic: mk(excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: vcenter("center", true, 0)}),
		title:        mk(excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: vcenter("center", true, 0)}),
		header: mk(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: vcenter("center", true, 0),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}),
		text:     mk(excelize.Style{Border: border, Alignment: vcenter("left", false, 0)}),
		textBold: mk(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: vcenter("left", true, 0)}),
		textWrap: mk(excelize.Style{Border: border, Alignment: vcenter("left", true, 0)}),
		num:      mk(excelize.Style{Border: border, Alignment: vcenter("right", false, 0), CustomNumFmt: &intFmt}),
		numBold: mk(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Alignment: vcenter("right", false, 0), CustomNumFmt: &intFmt}),
		diff: mk(excelize.Style{Border: border, Alignment: vcenter("right", false, 0), CustomNumFmt: &diffFmt}),
		date: mk(excelize.Style{Border: border, Alignment: vcenter("center", false, 0), CustomNumFmt: &dateFmt}),
		stt:  mk(excelize.Style{Border: border, Alignment: vcenter("center", false, 0)}),
		formHead: mk(excelize.Style{Font: &excelize.Font{Bold: true, Size: 11}, Border: border,
			Alignment: vcenter("center", true, 0)}),
		formMS:     mk(excelize.Style{Font: &excelize.Font{Italic: true, Size: 11}, Border: border, Alignment: vcenter("center", false, 0)}),
		formUnit:   mk(excelize.Style{Border: border, Alignment: vcenter("left", true, 0)}),
		formNum:    mk(excelize.Style{Border: border, Alignment: vcenter("center", false, 0), CustomNumFmt: &intFmt}),
		formTotal:  mk(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: vcenter("center", false, 0), CustomNumFmt: &intFmt}),
		formNote:   mk(excelize.Style{Font: &excelize.Font{Size: 11}, Border: border, Alignment: vcenter("left", true, 0)}),
		formNumber: mk(excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: vcenter("right", false, 0)}),
	}
	return s, err
}

// cell returns the reference of column col (1 = A) and row row.
func cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// colName returns the letters of column col.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// quoteSheet quotes a sheet name for formulas and defined names.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// set writes v into a cell with a style; strings go in NFC.
func (b *book) set(sheet string, col, row int, v any, style int) {
	if b.err != nil {
		return
	}
	ref := cell(col, row)
	switch x := v.(type) {
	case nil:
	case string:
		b.err = b.f.SetCellStr(sheet, ref, norm.NFC.String(x))
	case int:
		b.err = b.f.SetCellInt(sheet, ref, int64(x))
	case time.Time:
		if !x.IsZero() {
			b.err = b.f.SetCellValue(sheet, ref, excelDate(x))
		}
	default:
		b.err = b.f.SetCellValue(sheet, ref, v)
	}
	if b.err == nil {
		b.err = b.f.SetCellStyle(sheet, ref, ref, style)
	}
}

// styleRange applies a style to a block of cells (borders of empty cells).
func (b *book) styleRange(sheet string, c1, r1, c2, r2, style int) {
	if b.err == nil {
		b.err = b.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), style)
	}
}

// merge merges a block and writes v, styled, into it.
func (b *book) merge(sheet string, c1, r1, c2, r2 int, v any, style int) {
	b.set(sheet, c1, r1, v, style)
	b.styleRange(sheet, c1, r1, c2, r2, style)
	if b.err == nil && (c1 != c2 || r1 != r2) {
		b.err = b.f.MergeCell(sheet, cell(c1, r1), cell(c2, r2))
	}
}

// widths sets the column widths from column A on.
func (b *book) widths(sheet string, w ...float64) {
	for i, width := range w {
		if b.err == nil {
			b.err = b.f.SetColWidth(sheet, colName(i+1), colName(i+1), width)
		}
	}
}

// pageSetup prints the sheet on A4 in the given orientation, one page wide,
// repeating rows titleFrom..titleTo on every page (0: none).
func (b *book) pageSetup(sheet, orientation string, titleFrom, titleTo int) {
	if b.err == nil {
		b.err = setupPage(b.f, sheet, orientation, titleFrom, titleTo)
	}
}

// setupPage is pageSetup for a file; the streamed sheet calls it before its
// stream writer starts, because page settings set after Flush are lost.
func setupPage(f *excelize.File, sheet, orientation string, titleFrom, titleTo int) error {
	size, wide, tall := PaperA4, 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	top, bottom, side := 0.6, 0.6, 0.5
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Top: &top, Bottom: &bottom, Left: &side, Right: &side,
	}); err != nil {
		return err
	}
	if titleFrom == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$%d:$%d", quoteSheet(sheet), titleFrom, titleTo),
		Scope:    sheet,
	})
}

// freeze keeps the rows above row visible while scrolling.
func (b *book) freeze(sheet string, row int) {
	if b.err == nil {
		b.err = b.f.SetPanes(sheet, freezePanes(row))
	}
}

func freezePanes(row int) *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: row - 1, TopLeftCell: cell(1, row), ActivePane: "bottomLeft"}
}

// sheetHeading writes a sheet's title and period in the first two rows
// across columns 1..cols.
func (b *book) sheetHeading(sheet, title string, cols int) {
	b.merge(sheet, 1, 1, cols, 1, title, b.st.title)
	b.merge(sheet, 1, 2, cols, 2, periodLine(b.data), b.st.centerItalic)
}

// periodLine is the form's "Số liệu tính từ ngày ... đến ngày ..." line.
func periodLine(d Workbook) string {
	if d.From.IsZero() || d.To.IsZero() {
		return "(" + upperFirst(d.Period) + ")"
	}
	return fmt.Sprintf("(Số liệu tính từ ngày %s đến ngày %s)", d.From.Format("02/01/2006"), d.To.Format("02/01/2006"))
}

// summary writes "Tổng hợp", the page leaders print and sign.
func (b *book) summary() {
	const sh = SheetSummary
	d := b.data
	b.widths(sh, 6, 58, 16, 16, 16, 16)
	b.merge(sh, 1, 1, 2, 1, d.Office.ParentName, b.st.center)
	b.merge(sh, 1, 2, 2, 2, d.Office.Name, b.st.centerBold)
	b.merge(sh, 3, 1, 6, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b.st.centerBold)
	b.merge(sh, 3, 2, 6, 2, "Độc lập - Tự do - Hạnh phúc", b.st.centerBold)
	if !d.Date.IsZero() {
		b.merge(sh, 3, 3, 6, 3, placeAndDate(d.Office.Place, d.Date), b.st.centerItalic)
	}
	title := d.Title
	if title == "" {
		title = DefaultTitle
	}
	b.merge(sh, 1, 5, 6, 5, title, b.st.title)
	b.merge(sh, 1, 6, 6, 6, "Kỳ báo cáo: "+d.Period, b.st.centerBold)
	b.merge(sh, 1, 7, 6, 7, periodLine(d), b.st.centerItalic)

	const h1, h2 = 9, 10
	b.merge(sh, 1, h1, 1, h2, "STT", b.st.header)
	b.merge(sh, 2, h1, 2, h2, "Chỉ tiêu", b.st.header)
	for i, name := range []string{"Kỳ báo cáo", "Kỳ trước", "Cùng kỳ năm trước"} {
		b.set(sh, 3+i, h1, name, b.st.header)
		b.set(sh, 3+i, h2, d.Columns[i], b.st.header)
	}
	b.merge(sh, 6, h1, 6, h2, "Tăng (+), giảm (−) so với cùng kỳ", b.st.header)
	row := h2 + 1
	for _, r := range d.Summary {
		label, no := b.st.text, b.st.stt
		if r.Bold || r.Values == nil {
			label = b.st.textBold
		}
		b.set(sh, 1, row, r.No, no)
		b.set(sh, 2, row, r.Label, label)
		if r.Values == nil {
			b.styleRange(sh, 3, row, 6, row, b.st.text)
		} else {
			num := b.st.num
			if r.Bold {
				num = b.st.numBold
			}
			for i := 0; i < 3; i++ {
				b.set(sh, 3+i, row, valueAt(r.Values, i), num)
			}
			b.set(sh, 6, row, valueAt(r.Values, 0)-valueAt(r.Values, 2), b.st.diff)
		}
		row++
	}
	if d.Office.SignerTitle != "" || d.Office.SignerName != "" {
		row++
		b.merge(sh, 4, row, 6, row, d.Office.SignerTitle, b.st.centerBold)
		b.merge(sh, 4, row+4, 6, row+4, d.Office.SignerName, b.st.centerBold)
	}
	b.pageSetup(sh, "landscape", h1, h2)
}

func valueAt(v []int, i int) int {
	if i < len(v) {
		return v[i]
	}
	return 0
}

// figures writes "Số liệu": every figure as a number, named by its JSON path,
// for the inspectorate's spreadsheets and the office's own checks.
func (b *book) figures() {
	const sh = SheetFigures
	b.widths(sh, 48, 80, 12)
	for i, h := range []string{"Mã", "Chỉ tiêu", "Giá trị"} {
		b.set(sh, i+1, 1, h, b.st.header)
	}
	for i, fg := range b.data.Figures {
		b.set(sh, 1, i+2, fg.Code, b.st.text)
		b.set(sh, 2, i+2, fg.Label, b.st.text)
		b.set(sh, 3, i+2, fg.Value, b.st.num)
	}
	b.freeze(sh, 2)
	b.pageSetup(sh, "portrait", 1, 1)
}

// letterTables writes "Xử lý đơn": the domain × kind and outcome × kind
// tables with their totals.
func (b *book) letterTables() {
	const sh = SheetLetters
	t := b.data.ByDomainKind
	cols := len(t.Columns) + 2
	b.widths(sh, append([]float64{44}, repeat(16, cols-1)...)...)
	b.sheetHeading(sh, "KẾT QUẢ PHÂN LOẠI, XỬ LÝ ĐƠN "+strings.ToUpper(b.data.Period), max(cols, len(b.data.ByOutcomeKind.Columns)+2))
	first, totalRow := b.crossTable(sh, 4, t)
	b.domainFirst, b.domainLast = first, first+len(t.Rows)-1
	b.kindTotalRow, b.kindCols = totalRow, len(t.Columns)
	b.crossTable(sh, totalRow+2, b.data.ByOutcomeKind)
	b.pageSetup(sh, "landscape", 0, 0)
}

// crossTable writes t from row top (its title) and returns the first data
// row and the totals row.
func (b *book) crossTable(sh string, top int, t CrossTable) (first, totalRow int) {
	n := len(t.Columns)
	b.set(sh, 1, top, t.Title, b.st.bold)
	b.set(sh, 1, top+1, t.Corner, b.st.header)
	for j, c := range t.Columns {
		b.set(sh, 2+j, top+1, c, b.st.header)
	}
	b.set(sh, n+2, top+1, "Tổng cộng", b.st.header)
	first = top + 2
	colTotals := make([]int, n)
	for i, r := range t.Rows {
		row := first + i
		b.set(sh, 1, row, r.Label, b.st.textWrap)
		sum := 0
		for j := 0; j < n; j++ {
			v := valueAt(r.Values, j)
			b.set(sh, 2+j, row, v, b.st.num)
			sum += v
			colTotals[j] += v
		}
		b.set(sh, n+2, row, sum, b.st.numBold)
	}
	totalRow = first + len(t.Rows)
	b.set(sh, 1, totalRow, "Tổng cộng", b.st.textBold)
	all := 0
	for j, v := range colTotals {
		b.set(sh, 2+j, totalRow, v, b.st.numBold)
		all += v
	}
	b.set(sh, n+2, totalRow, all, b.st.numBold)
	return first, totalRow
}

func repeat(v float64, n int) []float64 {
	out := make([]float64, max(n, 0))
	for i := range out {
		out[i] = v
	}
	return out
}

// reception writes "Tiếp công dân": the reception by type (with first and
// repeated cases, as in Biểu 01/TCD), by host level, and the leaders'
// sessions.
func (b *book) reception() {
	const sh = SheetReception
	d := b.data
	b.widths(sh, 32, 13, 14, 16, 18, 18, 16, 16)
	b.sheetHeading(sh, "KẾT QUẢ TIẾP CÔNG DÂN "+strings.ToUpper(d.Period), 8)

	row := 4
	b.set(sh, 1, row, "1. Theo hình thức tiếp", b.st.bold)
	row++
	heads := []string{"Hình thức tiếp", "Số kỳ tiếp", "Số lượt tiếp", "Số người", "Số vụ việc",
		"Vụ việc tiếp lần đầu", "Vụ việc tiếp nhiều lần", "Đoàn đông người"}
	for j, h := range heads {
		b.set(sh, 1+j, row, h, b.st.header)
	}
	var total ReceptionRow
	for _, r := range d.Reception {
		row++
		b.receptionRow(sh, row, r, b.st.textWrap, b.st.num)
		total.Sessions += r.Sessions
		total.Visits += r.Visits
		total.People += r.People
		total.Cases += r.Cases
		total.NewCases += r.NewCases
		total.RepeatCases += r.RepeatCases
		total.Groups += r.Groups
	}
	row++
	total.Label = "Tổng cộng"
	b.receptionRow(sh, row, total, b.st.textBold, b.st.numBold)

	row += 2
	b.set(sh, 1, row, "2. Theo người chủ trì kỳ tiếp", b.st.bold)
	row++
	for j, h := range []string{"Người chủ trì", "Số kỳ tiếp", "Số lượt tiếp", "Số người", "Số vụ việc"} {
		b.set(sh, 1+j, row, h, b.st.header)
	}
	var hl HostLevelRow
	for _, r := range d.HostLevels {
		row++
		b.set(sh, 1, row, r.Label, b.st.textWrap)
		for j, v := range []int{r.Sessions, r.Visits, r.People, r.Cases} {
			b.set(sh, 2+j, row, v, b.st.num)
		}
		hl.Sessions += r.Sessions
		hl.Visits += r.Visits
		hl.People += r.People
		hl.Cases += r.Cases
	}
	row++
	b.set(sh, 1, row, "Tổng cộng", b.st.textBold)
	for j, v := range []int{hl.Sessions, hl.Visits, hl.People, hl.Cases} {
		b.set(sh, 2+j, row, v, b.st.numBold)
	}

	row += 2
	b.set(sh, 1, row, "3. Danh sách kỳ tiếp công dân của lãnh đạo", b.st.bold)
	row++
	heads = []string{"Người chủ trì", "Ngày tiếp", "Hình thức", "Chức vụ", "Cấp chủ trì", "Địa điểm", "Số lượt tiếp", "Số người"}
	for j, h := range heads {
		b.set(sh, 1+j, row, h, b.st.header)
	}
	if len(d.Sessions) == 0 {
		row++
		b.merge(sh, 1, row, len(heads), row, "Không có kỳ tiếp công dân của lãnh đạo trong kỳ báo cáo.", b.st.textWrap)
	}
	for _, s := range d.Sessions {
		row++
		b.set(sh, 1, row, s.HostName, b.st.textWrap)
		b.set(sh, 2, row, s.Date, b.st.date)
		b.set(sh, 3, row, s.Type, b.st.textWrap)
		b.set(sh, 4, row, s.HostTitle, b.st.textWrap)
		b.set(sh, 5, row, s.HostLevel, b.st.textWrap)
		b.set(sh, 6, row, s.Location, b.st.textWrap)
		b.set(sh, 7, row, s.Visits, b.st.num)
		b.set(sh, 8, row, s.People, b.st.num)
	}
	b.pageSetup(sh, "landscape", 0, 0)
}

func (b *book) receptionRow(sh string, row int, r ReceptionRow, label, num int) {
	b.set(sh, 1, row, r.Label, label)
	for j, v := range []int{r.Sessions, r.Visits, r.People, r.Cases, r.NewCases, r.RepeatCases, r.Groups} {
		b.set(sh, 2+j, row, v, num)
	}
}

// meetings writes "Đối thoại - HĐTV": each dialogue and council meeting with
// the cases it discussed.
func (b *book) meetings() {
	const sh = SheetMeetings
	b.widths(sh, 6, 12, 26, 24, 10, 70)
	b.sheetHeading(sh, "ĐỐI THOẠI, HỌP HỘI ĐỒNG TƯ VẤN "+strings.ToUpper(b.data.Period), 6)
	row := b.meetingList(sh, 4, fmt.Sprintf("1. Đối thoại (%d cuộc)", len(b.data.Dialogues)), b.data.Dialogues)
	b.meetingList(sh, row+1, fmt.Sprintf("2. Họp Hội đồng tư vấn (%d cuộc)", len(b.data.CouncilMeetings)), b.data.CouncilMeetings)
	b.pageSetup(sh, "landscape", 0, 0)
}

// meetingList writes one list from row top and returns the row after it.
func (b *book) meetingList(sh string, top int, title string, ms []Meeting) int {
	b.set(sh, 1, top, title, b.st.bold)
	row := top + 1
	for j, h := range []string{"STT", "Ngày", "Chủ trì", "Địa điểm", "Số vụ việc", "Vụ việc"} {
		b.set(sh, 1+j, row, h, b.st.header)
	}
	if len(ms) == 0 {
		row++
		b.merge(sh, 1, row, 6, row, "Không có cuộc nào trong kỳ báo cáo.", b.st.textWrap)
	}
	for i, m := range ms {
		row++
		b.set(sh, 1, row, i+1, b.st.stt)
		b.set(sh, 2, row, m.Date, b.st.date)
		b.set(sh, 3, row, m.Chair, b.st.textWrap)
		b.set(sh, 4, row, m.Location, b.st.textWrap)
		b.set(sh, 5, row, len(m.Cases), b.st.num)
		lines := make([]string, len(m.Cases))
		for k, c := range m.Cases {
			lines[k] = "- " + c
		}
		b.set(sh, 6, row, strings.Join(lines, "\n"), b.st.textWrap)
	}
	return row + 1
}

// registerHeads are the columns of the letter register.
var registerHeads = []string{"STT", "Số đơn", "Ngày nhận", "Nguồn đơn", "Người gửi", "Nội dung",
	"Lĩnh vực", "Loại đơn", "Hướng xử lý", "Ngày xử lý"}

// register streams "Danh sách đơn", one row per letter: a year of letters
// would cost several times the memory through the normal cell API.
func (b *book) register() error {
	const sh = SheetRegister
	const headRow = 3
	// Page settings first: set after the stream is flushed they are lost.
	if err := setupPage(b.f, sh, "landscape", headRow, headRow); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	for i, w := range []float64{6, 13, 12, 20, 26, 56, 20, 16, 20, 12} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(freezePanes(headRow + 1)); err != nil {
		return err
	}
	n := len(registerHeads)
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: b.st.title,
		Value: "DANH SÁCH ĐƠN TIẾP NHẬN " + strings.ToUpper(norm.NFC.String(b.data.Period))}}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: b.st.centerItalic, Value: periodLine(b.data)}}); err != nil {
		return err
	}
	heads := make([]any, n)
	for i, h := range registerHeads {
		heads[i] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	if err := sw.SetRow(cell(1, headRow), heads); err != nil {
		return err
	}
	for _, r := range []int{1, 2} {
		if err := sw.MergeCell(cell(1, r), cell(n, r)); err != nil {
			return err
		}
	}
	row := headRow
	values := make([]any, n)
	if b.data.Letters != nil {
		for l, err := range b.data.Letters {
			if err != nil {
				return err
			}
			row++
			values[0] = excelize.Cell{StyleID: b.st.stt, Value: row - headRow}
			values[1] = excelize.Cell{StyleID: b.st.text, Value: l.Code}
			values[2] = dateCell(l.ReceivedOn, b.st.date)
			values[3] = excelize.Cell{StyleID: b.st.textWrap, Value: norm.NFC.String(l.Source)}
			values[4] = excelize.Cell{StyleID: b.st.textWrap, Value: norm.NFC.String(l.Senders)}
			values[5] = excelize.Cell{StyleID: b.st.textWrap, Value: norm.NFC.String(l.Subject)}
			values[6] = excelize.Cell{StyleID: b.st.textWrap, Value: norm.NFC.String(l.Domain)}
			values[7] = excelize.Cell{StyleID: b.st.textWrap, Value: norm.NFC.String(l.Kind)}
			values[8] = excelize.Cell{StyleID: b.st.textWrap, Value: norm.NFC.String(l.Outcome)}
			values[9] = dateCell(l.HandledOn, b.st.date)
			if err := sw.SetRow(cell(1, row), values); err != nil {
				return err
			}
		}
	}
	if row == headRow {
		row++
		if err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: b.st.textWrap,
			Value: "Không có đơn nào trong kỳ báo cáo."}}); err != nil {
			return err
		}
		if err := sw.MergeCell(cell(1, row), cell(n, row)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// dateCell is a date cell, or a bordered empty cell for a zero date.
func dateCell(t time.Time, style int) excelize.Cell {
	if t.IsZero() {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: excelDate(t)}
}

// excelDate keeps the calendar day of t whatever its zone: Excel dates have
// no zone, and a date must not slip to the day before.
func excelDate(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// chart draws on "Biểu đồ" the letters by domain (columns) and by kind
// (pie), from the totals of the domain × kind table.
func (b *book) chart() {
	const sh = SheetChart
	b.merge(sh, 1, 1, 14, 1, "BIỂU ĐỒ ĐƠN TIẾP NHẬN "+strings.ToUpper(b.data.Period), b.st.title)
	b.merge(sh, 1, 2, 14, 2, periodLine(b.data), b.st.centerItalic)
	if b.err != nil || b.domainLast < b.domainFirst || b.kindCols == 0 {
		return
	}
	src := quoteSheet(SheetLetters)
	totalCol := colName(b.kindCols + 2)
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: FontName, Size: size, Bold: bold, Color: "000000"}
	}
	title := func(s string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: font(13, true)}}}
	}
	axis := excelize.ChartAxis{Font: excelize.Font{Family: FontName, Size: 11, Color: "000000"}}
	varyColors := true
	// A series name is written as a cell reference: a plain text there is
	// read as a broken formula by Excel. The totals column header serves.
	seriesName := fmt.Sprintf("%s!$%s$%d", src, totalCol, b.domainFirst-1)
	b.err = b.f.AddChart(sh, "A4", &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       seriesName,
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", src, b.domainFirst, b.domainLast),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", src, totalCol, b.domainFirst, totalCol, b.domainLast),
		}},
		Title:     title("Đơn tiếp nhận theo lĩnh vực"),
		Legend:    excelize.ChartLegend{Position: "none"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     axis,
		YAxis:     axis,
		Dimension: excelize.ChartDimension{Width: 620, Height: 360},
	})
	if b.err != nil {
		return
	}
	b.err = b.f.AddChart(sh, "J4", &excelize.Chart{
		Type: excelize.Pie,
		Series: []excelize.ChartSeries{{
			Name: seriesName,
			Categories: fmt.Sprintf("%s!$B$%d:$%s$%d", src, b.domainFirst-1,
				colName(b.kindCols+1), b.domainFirst-1),
			Values: fmt.Sprintf("%s!$B$%d:$%s$%d", src, b.kindTotalRow, colName(b.kindCols+1), b.kindTotalRow),
		}},
		Title:      title("Đơn tiếp nhận theo loại đơn"),
		Legend:     excelize.ChartLegend{Position: "right", Font: font(11, false)},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, ShowPercent: true},
		VaryColors: &varyColors,
		Dimension:  excelize.ChartDimension{Width: 520, Height: 360},
	})
	b.pageSetup(sh, "landscape", 0, 0)
}

// placeAndDate writes "Tây Ninh, ngày 05 tháng 6 năm 2022": days below 10
// and months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP).
func placeAndDate(place string, t time.Time) string {
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= 2 {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	s := fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
	if place != "" {
		return place + ", " + s
	}
	return upperFirst(s)
}

// upperFirst capitalises the first letter, for labels that start a line.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
