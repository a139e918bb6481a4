package exports

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// The rows of a form sheet above its header.
const (
	formTitleRow  = 4
	formPeriodRow = 5
	formHeadTop   = 7
)

// Column widths of a form, in characters: the unit column, the note, and
// the numbered columns, each as wide as its longest word in bold needs and
// enough for its label to fit in formHeadLines lines.
const (
	formUnitWidth    = 26
	formNoteWidth    = 14
	formMaxNoteWidth = 40
	formMinWidth     = 6.5
	formHeadLines    = 5
	// boldRune is the width of a bold letter of a heading, in the
	// characters (digits) that column widths are counted in.
	boldRune = 1.15
)

// headCell is one cell of a form's header: a heading or a numbered column,
// spanning rows×cols from (row, col).
type headCell struct {
	row, col, rows, cols int
	label                string
}

// forms writes every form of the workbook, each on its sheet.
func (b *book) forms() error {
	for _, form := range b.data.Forms {
		if err := b.form(form); err != nil {
			return err
		}
	}
	return nil
}

// form streams one form: a StreamWriter is the only way excelize writes a
// formula together with its cached value (SetCellInt drops the formula,
// SetCellFormula marks the cached value as text), and the cached value is
// what a reader sees until the sheet is recalculated.
func (b *book) form(form Form) error {
	values, err := form.Values()
	if err != nil {
		return err
	}
	leaves := form.Leaves()
	n := len(leaves)
	total := n + 2 // "Đơn vị", columns 1..n, the note
	widths := formWidths(leaves, form.Note)
	if err := b.formPage(form.Sheet); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(form.Sheet)
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	fw := &formWriter{sw: sw, b: b, total: total}
	fw.heading(form)
	head := formHeader(form.Columns, n)
	fw.header(head, depth(form.Columns), widths)
	ms := formHeadTop + depth(form.Columns)
	numbers := make([]any, total)
	numbers[0] = excelize.Cell{StyleID: b.st.formMS, Value: "MS"}
	for i := 1; i < total; i++ {
		numbers[i] = excelize.Cell{StyleID: b.st.formMS, Value: i}
	}
	fw.row(ms, numbers, 0)
	data := make([]any, total)
	unit := norm.NFC.String(formUnit(b.data.Office))
	data[0] = excelize.Cell{StyleID: b.st.formUnit, Value: unit}
	for i, c := range leaves {
		if len(c.Sum) > 0 {
			data[i+1] = excelize.Cell{StyleID: b.st.formTotal, Formula: formula(c.Sum, ms+1), Value: values[i]}
		} else {
			data[i+1] = excelize.Cell{StyleID: b.st.formNum, Value: values[i]}
		}
	}
	data[total-1] = excelize.Cell{StyleID: b.st.formNote, Value: norm.NFC.String(form.Note)}
	fw.row(ms+1, data, max(rowHeight(unit, widths[0]), rowHeight(form.Note, widths[total-1])))
	fw.signature(ms + 3)
	if fw.err != nil {
		return fw.err
	}
	return sw.Flush()
}

// formPage prints a form on one A4 landscape page, centred; set before the
// stream writer starts, as settings set after Flush are lost.
func (b *book) formPage(sheet string) error {
	if err := setupPage(b.f, sheet, "landscape", 0, 0); err != nil {
		return err
	}
	one, center := 1, true
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToHeight: &one}); err != nil {
		return err
	}
	return b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Horizontally: &center})
}

// formWidths returns the widths of the unit column, the numbered columns
// and the note, which widens to hold a note in about four lines.
func formWidths(leaves []FormColumn, note string) []float64 {
	widths := []float64{formUnitWidth}
	for _, c := range leaves {
		longest, runes := 0, utf8.RuneCountInString(c.Label)
		for _, word := range strings.Fields(c.Label) {
			longest = max(longest, utf8.RuneCountInString(word))
		}
		w := max(formMinWidth, float64(longest)*boldRune+1.5, float64(runes)*boldRune/formHeadLines+1.5)
		widths = append(widths, math.Ceil(w*2)/2)
	}
	return append(widths, math.Ceil(min(max(formNoteWidth, float64(utf8.RuneCountInString(note))/4), formMaxNoteWidth)))
}

// formWriter streams the rows of one form and keeps the first error.
type formWriter struct {
	sw    *excelize.StreamWriter
	b     *book
	total int
	err   error
}

// row writes the cells of a row; height 0 leaves the default.
func (w *formWriter) row(r int, cells []any, height float64) {
	if w.err != nil {
		return
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	w.err = w.sw.SetRow(cell(1, r), cells, opts...)
}

// merge merges a block of the rows already written or about to be.
func (w *formWriter) merge(c1, r1, c2, r2 int) {
	if w.err == nil && (c1 != c2 || r1 != r2) {
		w.err = w.sw.MergeCell(cell(c1, r1), cell(c2, r2))
	}
}

// text returns a styled text cell in NFC.
func text(style int, s string) excelize.Cell {
	return excelize.Cell{StyleID: style, Value: norm.NFC.String(s)}
}

// sides returns the spans of the left and right blocks above and below the
// table: the office on the left, the form number and the signature on the
// right.
func (w *formWriter) sides() (leftEnd, rightStart int) {
	leftEnd = min(3, w.total-1)
	return leftEnd, min(max(w.total-7, leftEnd+1), w.total)
}

// heading writes the office, the form number, the title and the period.
func (w *formWriter) heading(form Form) {
	st, o := w.b.st, w.b.data.Office
	left, right := w.sides()
	r1 := make([]any, w.total)
	r1[0] = text(st.center, o.ParentName)
	r1[right-1] = text(st.formNumber, form.Number)
	w.row(1, r1, 0)
	w.merge(1, 1, left, 1)
	w.merge(right, 1, w.total, 1)
	w.row(2, []any{text(st.centerBold, o.Name)}, 0)
	w.merge(1, 2, left, 2)
	w.row(formTitleRow, []any{text(st.title, form.Title)}, 24)
	w.merge(1, formTitleRow, w.total, formTitleRow)
	w.row(formPeriodRow, []any{text(st.centerItalic, periodLine(w.b.data))}, 0)
	w.merge(1, formPeriodRow, w.total, formPeriodRow)
}

// header writes the header rows, every cell bordered, with heights that
// let the wrapped labels show whole.
func (w *formWriter) header(head []headCell, rows int, widths []float64) {
	style := w.b.st.formHead
	heights := headerHeights(head, rows, widths)
	for r := range rows {
		cells := make([]any, w.total)
		for i := range cells {
			cells[i] = excelize.Cell{StyleID: style}
		}
		for _, h := range head {
			if h.row == formHeadTop+r {
				cells[h.col-1] = text(style, h.label)
			}
		}
		w.row(formHeadTop+r, cells, heights[r])
	}
	for _, h := range head {
		w.merge(h.col, h.row, h.col+h.cols-1, h.row+h.rows-1)
	}
}

// signature writes the place and date, the preparer and the head of the
// office who signs the form.
func (w *formWriter) signature(top int) {
	st, d := w.b.st, w.b.data
	left, right := w.sides()
	place := ""
	if !d.Date.IsZero() {
		place = placeAndDate(d.Office.Place, d.Date)
	}
	signer := d.Office.SignerTitle
	if signer == "" {
		signer = "THỦ TRƯỞNG ĐƠN VỊ"
	}
	lines := []struct {
		r           int
		left, right excelize.Cell
	}{
		{top, excelize.Cell{}, text(st.centerItalic, place)},
		{top + 1, text(st.centerBold, "NGƯỜI LẬP BIỂU"), text(st.centerBold, signer)},
		{top + 2, text(st.centerItalic, "(Ký, ghi rõ họ tên)"), text(st.centerItalic, "(Ký tên, đóng dấu)")},
		{top + 6, excelize.Cell{}, text(st.centerBold, d.Office.SignerName)},
	}
	for _, l := range lines {
		cells := make([]any, w.total)
		cells[0], cells[right-1] = l.left, l.right
		w.row(l.r, cells, 0)
		w.merge(1, l.r, left, l.r)
		w.merge(right, l.r, w.total, l.r)
	}
}

// formHeader lays out the header: "Đơn vị" down the first column, the
// tree of headings, a numbered column reaching down to the last header row,
// and the note last.
func formHeader(cols []FormColumn, n int) []headCell {
	rows := depth(cols)
	head := []headCell{{row: formHeadTop, col: 1, rows: rows, cols: 1, label: "Đơn vị"}}
	var place func(cols []FormColumn, row, col int)
	place = func(cols []FormColumn, row, col int) {
		for _, c := range cols {
			h := headCell{row: row, col: col, rows: 1, cols: c.width(), label: c.Label}
			if len(c.Children) == 0 {
				h.rows = formHeadTop + rows - row
			} else {
				place(c.Children, row+1, col)
			}
			head = append(head, h)
			col += h.cols
		}
	}
	place(cols, formHeadTop, 2)
	return append(head, headCell{row: formHeadTop, col: n + 2, rows: rows, cols: 1, label: NoteLabel})
}

// headerHeights returns the height of each header row: enough for the
// cells that sit in one row, then more in the last row of a taller cell
// whose label still does not fit.
func headerHeights(head []headCell, rows int, widths []float64) []float64 {
	heights := repeat(18, rows)
	need := func(h headCell) float64 {
		w := 0.0
		for c := h.col; c < h.col+h.cols; c++ {
			w += widths[c-1]
		}
		return rowHeight(h.label, w)
	}
	tall := slices.Clone(head)
	slices.SortStableFunc(tall, func(a, b headCell) int { return a.rows - b.rows })
	for _, h := range tall {
		first := h.row - formHeadTop
		have := 0.0
		for r := first; r < first+h.rows; r++ {
			have += heights[r]
		}
		if extra := need(h) - have; extra > 0 {
			heights[first+h.rows-1] += extra
		}
	}
	return heights
}

// rowHeight estimates the height in points of a wrapped label of 11-point
// Times New Roman in a cell width characters wide: Excel and LibreOffice do
// not grow rows for merged cells, so the writer sets it.
func rowHeight(label string, width float64) float64 {
	if label == "" {
		return 0
	}
	return float64(wrapLines(label, (width-1)/boldRune))*14.5 + 4
}

// wrapLines counts the lines a label takes when wrapped at spaces into
// lines of at most width characters.
func wrapLines(label string, width float64) int {
	lines, used := 1, 0.0
	for _, word := range strings.Fields(label) {
		n := float64(utf8.RuneCountInString(word))
		switch {
		case used == 0:
			used = n
		case used+1+n <= width:
			used += 1 + n
		default:
			lines++
			used = n
		}
		for used > width { // a word longer than the line breaks inside
			lines++
			used -= width
		}
	}
	return lines
}
