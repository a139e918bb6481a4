package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kntc/imports"
)

func writeRegister(t *testing.T, path string, rows ...[]any) {
	t.Helper()
	var buf bytes.Buffer
	if err := imports.WriteTemplate(&buf, slices.Values(rows)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

var cliRows = [][]any{
	{"10/05/2022", "bưu điện", "Nguyễn Văn An", "079123456789", "", "", "Khiếu nại việc thu hồi đất"},
	{"11/05/2022", "tiếp công dân", "Trần Thị Bình", "", "", "", "Kiến nghị làm đường", "khác", "kiến nghị", "hướng dẫn", "12/05/2022"},
}

func TestImportLettersCommand(t *testing.T) {
	dir := inTempDir(t)
	register := filepath.Join(dir, "Sổ đơn 2022.xlsx")
	writeRegister(t, register, cliRows...)

	code, out, stderr := runCLI(t, "", "import", "letters", register, "--dry-run")
	if code != 0 || !strings.Contains(out, "2 dòng hợp lệ") || !strings.Contains(out, "Chạy thử: tệp nhập được 2 đơn mới") {
		t.Fatalf("dry run: %d %q %q", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", "import", "letters", register)
	if code != 0 || !strings.Contains(out, "Đã nhập 2 đơn mới") || !strings.Contains(out, "số 2022/000001 đến 2022/000002") {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", "import", "--dry-run=false", "letters", register)
	if code != 0 || !strings.Contains(out, "2 dòng đã nhập trước") || !strings.Contains(out, "Đã nhập 0 đơn mới") {
		t.Fatalf("second import: %d %q", code, out)
	}

	runCLI(t, "mat-khau-rat-dai\n", "user", "create", "--username", "phaply", "--role", "legal")
	runCLI(t, "mat-khau-rat-dai\n", "user", "create", "--username", "tiepdan", "--role", "reception")
	more := filepath.Join(dir, "them.xlsx")
	writeRegister(t, more, []any{"13/05/2022", "trực tuyến", "Lê Văn Cường", "", "", "", "Phản ánh ô nhiễm"})
	if code, out, stderr := runCLI(t, "", "import", "letters", more, "--user", "phaply"); code != 0 || !strings.Contains(out, "2022/000003") {
		t.Fatalf("as phaply: %d %q %q", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "", "import", "letters", more, "--user", "tiepdan"); code != 1 || !strings.Contains(stderr, "không được nhập đơn") {
		t.Fatalf("as reception: %d %q", code, stderr)
	}
}

func TestImportCommandReportsBadRowsAndWritesTheErrorsWorkbook(t *testing.T) {
	dir := inTempDir(t)
	register := filepath.Join(dir, "so.xlsx")
	writeRegister(t, register, append(slices.Clone(cliRows), []any{"31/02/2022", "bưu điện", "Lê Văn Cường", "", "", "", "Đơn"})...)
	errorsOut := filepath.Join(dir, "loi.xlsx")
	code, out, stderr := runCLI(t, "", "import", "letters", "--errors-out", errorsOut, register)
	if code != 1 || !strings.Contains(out, "Dòng 4, cột Ngày nhận «31/02/2022»: Ngày không hợp lệ") || !strings.Contains(stderr, "1 ô lỗi; chưa nhập đơn nào") {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", code, out, stderr)
	}
	f, err := excelize.OpenFile(errorsOut)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue(imports.SheetLetters, "N4"); !strings.HasPrefix(got, "Ngày nhận: ") {
		t.Fatalf("N4 %q", got)
	}
	if code, _, stderr := runCLI(t, "", "import", "letters", register, "--errors-out", errorsOut); code != 1 || !strings.Contains(stderr, "chọn tên khác") {
		t.Fatalf("errors file overwritten: %d %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "report", "--month", "2022-05", "--format", "json"); code != 0 || strings.Contains(stderr, "error") {
		t.Fatalf("report after a rejected import: %d %q", code, stderr)
	}
}

func TestImportCommandUsage(t *testing.T) {
	inTempDir(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, 2, "import letters F.xlsx"},
		{[]string{"import", "visits", "x.xlsx"}, 2, "import letters F.xlsx"},
		{[]string{"import", "letters", "a.xlsx", "b.xlsx"}, 2, "import letters F.xlsx"},
		{[]string{"import", "letters", "khong-co.xlsx"}, 1, "không mở được tệp"},
		{[]string{"import", "letters", "x.xlsx", "--bogus"}, 2, "bogus"},
		{[]string{"import", "-h"}, 0, ""},
	} {
		code, _, stderr := runCLI(t, "", c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}
