package exports_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kntc/exports"
)

// sampleForm has a total of totals and a three-row header: column 1 adds
// 2 and 3, and 3 adds 4 and 5.
func sampleForm() exports.Form {
	leaf := func(label string, v int) exports.FormColumn { return exports.FormColumn{Label: label, Value: v} }
	return exports.Form{Sheet: exports.SheetForm01XLD, Number: "Biểu số 01/XLD", Title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
		Note: "Ghi chú của đơn vị",
		Columns: []exports.FormColumn{
			{Label: "Tổng số đơn", Sum: []int{2, 3}, Value: 999}, // a total's own Value is ignored
			leaf("Kỳ trước chuyển sang", 4),
			{Label: "Tiếp nhận trong kỳ", Children: []exports.FormColumn{
				{Label: "Tổng", Sum: []int{4, 5}},
				{Label: "Theo nguồn", Children: []exports.FormColumn{leaf("Bưu điện", 7), leaf("Trực tiếp", 2)}},
			}},
		}}
}

func writeForms(t *testing.T, forms ...exports.Form) *excelize.File {
	t.Helper()
	wb := sampleWorkbook(0)
	wb.Forms = forms
	f, _ := writeOpen(t, exports.WriteForms, wb)
	return f
}

func TestFormValuesAddUpTotals(t *testing.T) {
	got, err := sampleForm().Values()
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{13, 4, 9, 7, 2}; !slices.Equal(got, want) {
		t.Errorf("values %v, want %v", got, want)
	}
	for name, sum := range map[string][]int{"missing column": {9}, "zero": {0}, "itself": {1}} {
		f := sampleForm()
		f.Columns[0].Sum = sum
		if _, err := f.Values(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestFormSheetLayout(t *testing.T) {
	f := writeForms(t, sampleForm())
	const sh = exports.SheetForm01XLD
	if got := f.GetSheetList(); !slices.Equal(got, []string{sh}) {
		t.Fatalf("sheets %q", got)
	}
	// Header rows 7-9, MS row 10, data row 11; "Ghi chú" is column 6 (G).
	cells := map[string]string{
		"A1": "ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "A2": "VĂN PHÒNG",
		"A4": "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN", "A5": "(Số liệu tính từ ngày 01/05/2022 đến ngày 31/05/2022)",
		"A7": "Đơn vị", "B7": "Tổng số đơn", "C7": "Kỳ trước chuyển sang", "D7": "Tiếp nhận trong kỳ",
		"D8": "Tổng", "E8": "Theo nguồn", "E9": "Bưu điện", "F9": "Trực tiếp", "G7": "Ghi chú",
		"A10": "MS", "B10": "1", "F10": "5", "G10": "6",
		"A11": "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "B11": "13", "C11": "4", "D11": "9", "E11": "7", "F11": "2",
		"G11": "Ghi chú của đơn vị",
	}
	for ref, want := range cells {
		if got := get(t, f, sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	number := ""
	rows, _ := f.GetRows(sh)
	for _, v := range rows[0] {
		if v != "" && v != cells["A1"] {
			number = v
		}
	}
	if number != "Biểu số 01/XLD" {
		t.Errorf("form number %q", number)
	}
	for ref, want := range map[string]string{"B11": "C11+D11", "D11": "E11+F11", "C11": "", "E11": ""} {
		if got, err := f.GetCellFormula(sh, ref); err != nil || got != want {
			t.Errorf("formula %s = %q (%v), want %q", ref, got, err, want)
		}
		if typ, _ := f.GetCellType(sh, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s cached as %v, not a number", ref, typ)
		}
	}
	refs := mergedRefs(t, f, sh)
	for _, want := range []string{"A7:A9", "B7:B9", "C7:C9", "D7:F7", "D8:D9", "E8:F8", "G7:G9", "A4:G4", "A5:G5"} {
		if !slices.Contains(refs, want) {
			t.Errorf("merged cells %q lack %s", refs, want)
		}
	}
	assertPrintSetup(t, f, sh, "landscape")
	if pl, _ := f.GetPageLayout(sh); pl.FitToHeight == nil || *pl.FitToHeight != 1 {
		t.Errorf("fit to height %v, want one page", pl.FitToHeight)
	}
	for _, ref := range []string{"B7", "B11", "A11"} {
		id, _ := f.GetCellStyle(sh, ref)
		if st, _ := f.GetStyle(id); st == nil || st.Font == nil || st.Font.Family != exports.FontName {
			t.Errorf("%s font %+v", ref, st)
		}
	}
	// The tallest label fits its row: three header rows at least 18 points each.
	for r := 7; r <= 9; r++ {
		if h, _ := f.GetRowHeight(sh, r); h < 18 {
			t.Errorf("header row %d height %v", r, h)
		}
	}
}

func TestStatisticsWorkbookEndsWithTheForms(t *testing.T) {
	wb := sampleWorkbook(1)
	a, b := sampleForm(), sampleForm()
	b.Sheet, b.Number = exports.SheetForm02XLD, "Biểu số 02/XLD"
	wb.Forms = []exports.Form{a, b}
	f, _ := writeAndOpen(t, wb)
	got := f.GetSheetList()
	if want := []string{"Biểu đồ", exports.SheetForm01XLD, exports.SheetForm02XLD}; !slices.Equal(got[len(got)-3:], want) {
		t.Fatalf("sheets %q", got)
	}
	if v := get(t, f, exports.SheetForm02XLD, "B11"); v != "13" {
		t.Errorf("02-XLD!B11 = %q", v)
	}
	if v := get(t, f, "Danh sách đơn", "B4"); v != "2022/000001" {
		t.Errorf("register B4 = %q", v)
	}
}

func TestWriteFormsNeedsAForm(t *testing.T) {
	if err := exports.WriteForms(&bytes.Buffer{}, sampleWorkbook(0)); err == nil {
		t.Fatal("no error without forms")
	}
	bad := sampleForm()
	bad.Columns[0].Sum = []int{7}
	wb := sampleWorkbook(0)
	wb.Forms = []exports.Form{bad}
	if err := exports.WriteForms(&bytes.Buffer{}, wb); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("got %v", err)
	}
}

func TestFormWithOneColumn(t *testing.T) {
	// The office and the signature still find room beside each other.
	f := writeForms(t, exports.Form{Sheet: exports.SheetForm01KQGQ, Number: "Biểu số 01/KQGQ", Title: "TIÊU ĐỀ",
		Columns: []exports.FormColumn{{Label: "Tổng số", Value: 3}}})
	if got := get(t, f, exports.SheetForm01KQGQ, "B9"); got != "3" {
		t.Errorf("B9 = %q", got)
	}
	if got := get(t, f, exports.SheetForm01KQGQ, "C1"); got != "Biểu số 01/KQGQ" {
		t.Errorf("C1 = %q", got)
	}
}
