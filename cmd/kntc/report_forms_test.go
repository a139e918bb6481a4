package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kntc/exports"
)

func TestReportFormsCommand(t *testing.T) {
	dir := inTempDir(t)
	out := filepath.Join(dir, "bieu-mau", "quy-1.xlsx")
	code, stdout, stderr := runCLI(t, "", "report", "--quarter", "2022-Q1", "--format", "forms", "--out", out)
	if code != 0 || !strings.Contains(stdout, "quý I năm 2022") {
		t.Fatalf("forms: %d %q %q", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, exports.FormSheetNames()) {
		t.Errorf("sheets %q", got)
	}
	if code, _, stderr := runCLI(t, "", "report", "--quarter", "2022-Q1", "--format", "forms"); code == 0 || !strings.Contains(stderr, "--out") {
		t.Errorf("forms without --out: exit %d, stderr %q", code, stderr)
	}
}
