package exports

import (
	"fmt"
	"strings"
)

// The sheets of the inspectorate's forms (Thông tư 01/2024/TT-TTCP). A sheet
// name cannot hold "/", so the form number's slash becomes a dash.
const (
	SheetForm01TCD  = "01-TCD"
	SheetForm01XLD  = "01-XLD"
	SheetForm02XLD  = "02-XLD"
	SheetForm03XLD  = "03-XLD"
	SheetForm04XLD  = "04-XLD"
	SheetForm01KQGQ = "01-KQGQ"
)

// FormSheetNames lists the sheets of the forms in the order they are
// written, after the office's own sheets or alone (format=forms).
func FormSheetNames() []string {
	return []string{SheetForm01TCD, SheetForm01XLD, SheetForm02XLD, SheetForm03XLD, SheetForm04XLD, SheetForm01KQGQ}
}

// NoteLabel heads the last column of every form, added by the writer.
const NoteLabel = "Ghi chú"

// Form is one of the inspectorate's data tables: the form number and title,
// the period line, a header of grouped columns, the "MS" row numbering the
// columns 1..n, and the data row of the reporting office.
type Form struct {
	// Sheet names the sheet, one of FormSheetNames.
	Sheet string
	// Number is written at the top right, e.g. "Biểu số 01/TCD".
	Number string
	// Title is the official title, in capitals.
	Title string
	// Columns are the columns after "Đơn vị", a tree of headings. Its leaves
	// are the numbered columns, 1 to n from the left; the writer adds
	// NoteLabel as column n+1.
	Columns []FormColumn
	// Note is written under NoteLabel in the data row.
	Note string
}

// FormColumn is a heading over grouped columns (Children set) or a numbered
// column: a figure (Value) or a total the form defines (Sum), which the
// writer writes as an Excel formula with its value cached.
type FormColumn struct {
	Label    string
	Children []FormColumn
	Value    int
	// Sum lists the numbers (MS) of the columns this total adds up.
	Sum []int
}

// Leaves returns the numbered columns in order: Leaves()[i] is column i+1.
func (f Form) Leaves() []FormColumn {
	var out []FormColumn
	var walk func([]FormColumn)
	walk = func(cols []FormColumn) {
		for _, c := range cols {
			if len(c.Children) == 0 {
				out = append(out, c)
			} else {
				walk(c.Children)
			}
		}
	}
	walk(f.Columns)
	return out
}

// Values returns the figure of every numbered column, totals included:
// Values()[i] is column i+1. A total may add up other totals; a Sum naming
// a column that does not exist, or a loop of totals, is an error, so that a
// form never carries a formula that Excel would refuse.
func (f Form) Values() ([]int, error) {
	leaves := f.Leaves()
	values := make([]int, len(leaves))
	state := make([]int, len(leaves)) // 0 not done, 1 in progress, 2 done
	var eval func(i int) error
	eval = func(i int) error {
		switch state[i] {
		case 1:
			return fmt.Errorf("%s: column %d is a total of itself", f.Sheet, i+1)
		case 2:
			return nil
		}
		state[i] = 1
		c := leaves[i]
		values[i] = c.Value
		if len(c.Sum) > 0 {
			values[i] = 0
			for _, n := range c.Sum {
				if n < 1 || n > len(leaves) {
					return fmt.Errorf("%s: column %d adds up column %d, which does not exist", f.Sheet, i+1, n)
				}
				if err := eval(n - 1); err != nil {
					return err
				}
				values[i] += values[n-1]
			}
		}
		state[i] = 2
		return nil
	}
	for i := range leaves {
		if err := eval(i); err != nil {
			return nil, err
		}
	}
	return values, nil
}

// formula returns the Excel formula of a total in the data row, e.g.
// "E9+N9+W9": MS column n is sheet column n+1, after "Đơn vị".
func formula(sum []int, row int) string {
	refs := make([]string, len(sum))
	for i, n := range sum {
		refs[i] = cell(n+1, row)
	}
	return strings.Join(refs, "+")
}

// depth returns the number of header rows the columns need.
func depth(cols []FormColumn) int {
	d := 0
	for _, c := range cols {
		d = max(d, 1+depth(c.Children))
	}
	return d
}

// width returns the number of numbered columns under c.
func (c FormColumn) width() int {
	if len(c.Children) == 0 {
		return 1
	}
	n := 0
	for _, k := range c.Children {
		n += k.width()
	}
	return n
}

// formUnit is the "Đơn vị" of the data row: the office and the body it
// belongs to, as configured ("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH TÂY NINH").
func formUnit(o Office) string {
	return strings.TrimSpace(o.Name + " " + o.ParentName)
}
