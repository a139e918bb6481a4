package imports

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, cell string
		date1904   bool
		want       string // "" when the cell is not a date
	}{
		{"dd/mm/yyyy", "15/05/2022", false, "2022-05-15"},
		{"d/m/yyyy", "1/6/2022", false, "2022-06-01"},
		{"dd-mm-yyyy and dd.mm.yyyy", "15.05.2022", false, "2022-05-15"},
		{"yyyy-mm-dd", "2022-05-15", false, "2022-05-15"},
		{"a time after the date is ignored", "15/05/2022 08:30", false, "2022-05-15"},
		{"Excel day number of a date cell", "44696", false, "2022-05-15"},
		{"day number with a time of day", "44696.75", false, "2022-05-15"},
		{"day number in a 1904 workbook", "43234", true, "2022-05-15"},
		{"29 February of a leap year", "29/02/2024", false, "2024-02-29"},
		{"impossible day", "31/02/2022", false, ""},
		{"29 February of a common year", "29/02/2022", false, ""},
		{"month 13", "01/13/2022", false, ""},
		{"two-digit year", "15/05/22", false, ""},
		{"a year alone is not a day number", "2022", false, ""},
		{"words", "hôm qua", false, ""},
		{"negative", "-5", false, ""},
		{"infinite", "Inf", false, ""},
		{"beyond year 9999", "3000000", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := parseDate(tc.cell, tc.date1904)
			if ok != (tc.want != "") || d.String() != tc.want {
				t.Fatalf("parseDate(%q) = %q, %v; want %q", tc.cell, d, ok, tc.want)
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	for cell, want := range map[string]int{"3": 3, "3.0": 3, " 12 ": 12} {
		if n, ok := parseCount(cell); !ok || n != want {
			t.Errorf("parseCount(%q) = %d, %v", cell, n, ok)
		}
	}
	for _, cell := range []string{"hai", "2.5", "1e300", "NaN"} {
		if _, ok := parseCount(cell); ok {
			t.Errorf("parseCount(%q) accepted", cell)
		}
	}
}

func TestEveryWordNamesOneCode(t *testing.T) {
	for _, v := range vocabs {
		owner := map[string]string{}
		for _, ch := range v.choices {
			for _, w := range append([]string{ch.Code, ch.Label}, ch.Aliases...) {
				k := key(w)
				if prev, ok := owner[k]; ok && prev != ch.Code {
					t.Errorf("%s: %q names both %s and %s", v.column.Header(), w, prev, ch.Code)
				}
				owner[k] = ch.Code
			}
		}
	}
}

func TestKeyIgnoresCaseDiacriticsAndPunctuation(t *testing.T) {
	for _, pair := range [][2]string{
		{"văn hoá – xã hội", "Van hoa xa hoi"},
		{"ĐẤT ĐAI", "dat dai"},
		{"Số CCCD/CMND", "so cccd cmnd"},
		{"  kiến nghị,  phản ánh ", "kien nghi phan anh"},
	} {
		if key(pair[0]) != key(pair[1]) {
			t.Errorf("key(%q) = %q, key(%q) = %q", pair[0], key(pair[0]), pair[1], key(pair[1]))
		}
	}
}

// TestPackageStaysPure keeps imports free of the database and of HTTP, as
// architecture.md asks of the exports.
func TestPackageStaysPure(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(path, "gorm.io/") || strings.HasPrefix(path, "github.com/gin-gonic/") ||
				path == "net/http" || path == "kntc/services" || path == "kntc/handlers" {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
