package services

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"kntc/imports"
	"kntc/models"
)

// ActionImport is the audit action of a whole import; each letter it
// creates has its own create entry as well.
const ActionImport = "import"

// ImportOptions says how an import runs.
type ImportOptions struct {
	// DryRun checks every row and writes nothing.
	DryRun bool
	// FileName names the file in the audit trail and beside each imported
	// row; only its base name is kept.
	FileName string
}

// ImportReport is the outcome of an import, or of its dry run.
type ImportReport struct {
	DryRun bool `json:"dry_run"`
	// Rows counts the non-blank rows below the headings.
	Rows int `json:"rows"`
	// Valid counts the rows without error, those skipped included.
	Valid int `json:"valid"`
	// Skipped counts the rows imported before, which are left alone.
	Skipped int `json:"skipped"`
	// Created counts the letters written: 0 for a dry run or a rejected file.
	Created int `json:"created"`
	// Codes gives, per year, the register numbers the new letters took.
	Codes []CodeRange `json:"codes"`
	// Errors lists every bad cell, by row and then in the columns' order.
	Errors []imports.CellError `json:"errors"`
	// Warning says what an import that succeeded left undone.
	Warning string `json:"warning,omitempty"`
	sheet   *imports.Sheet
}

// CodeRange is the run of register numbers an import took in one year; the
// numbers are consecutive because the import holds the year's counter.
type CodeRange struct {
	Year  int    `json:"year"`
	First string `json:"first"`
	Last  string `json:"last"`
	Count int    `json:"count"`
}

// WriteErrors writes the workbook as it was read with the "Lỗi" column.
func (r ImportReport) WriteErrors(w io.Writer) error {
	if r.sheet == nil {
		return models.Errorf(models.CodeInvalid, "Tệp chưa đọc được nên không có bảng lỗi.")
	}
	return r.sheet.WriteErrors(w, r.Errors)
}

// importRow is a row that passed every check, ready to become a letter.
type importRow struct {
	letter models.Letter
	row    int
	key    string
}

// ImportLetters reads a register workbook and registers every new row as a
// letter, through the same validation as the API: a row with a domain and
// kind is classified, one with a handling decision is handled too. A file
// with any bad row writes nothing; the report lists every bad cell and the
// error lists them as fields. Rows imported before are skipped, so a file
// imported twice adds nothing the second time. New letters take the next
// register numbers of their year, in the order they were received, and
// then their senders join the citizens' files (see indexImported). Legal
// staff and leaders only: the import classifies and handles letters.
func (s *Service) ImportLetters(ctx context.Context, r io.Reader, opt ImportOptions) (ImportReport, error) {
	rep := ImportReport{DryRun: opt.DryRun, Codes: []CodeRange{}, Errors: []imports.CellError{}}
	a, err := require(ctx, models.PermHandleLetters)
	if err != nil {
		return rep, err
	}
	sheet, err := imports.Read(r)
	if err != nil {
		return rep, err
	}
	rep.sheet, rep.Rows = sheet, len(sheet.Rows)
	if rep.Rows == 0 {
		return rep, models.Errorf(models.CodeInvalid, "Trang %q không có dòng đơn nào dưới dòng tiêu đề.", sheet.Name)
	}
	rows := s.checkRows(sheet, &rep)
	rep.Valid = len(rows)
	if opt.DryRun {
		done, err := importedKeys(s.read(ctx), rows)
		rep.Skipped = len(done)
		return rep, err
	}
	if len(rep.Errors) > 0 {
		return rep, rowErrors(rep)
	}
	var letters []models.Letter
	err = s.write(ctx, func(tx *gorm.DB) (err error) {
		letters, err = s.createImported(tx, a, rows, fileName(opt.FileName), &rep)
		return err
	})
	if models.CodeOf(err) == models.CodeConflict {
		err = models.Errorf(models.CodeConflict, "Một số dòng vừa được nhập trong một lần nhập khác; hãy nhập lại để bỏ qua các dòng đó.")
	}
	if err != nil {
		rep.Created, rep.Skipped, rep.Codes = 0, 0, []CodeRange{}
		return rep, err
	}
	// The letters are in; a client that leaves now must not leave their
	// citizens out of the index.
	if err := s.indexImported(context.WithoutCancel(ctx), letters); err != nil {
		s.log.Error("import: people index not updated", "letters", len(letters), "error", err)
		rep.Warning = msgImportUnindexed
	}
	return rep, nil
}

// checkRows parses and validates every row, adding each bad cell to the
// report, and returns the good rows with their keys.
func (s *Service) checkRows(sheet *imports.Sheet, rep *ImportReport) []importRow {
	conv := newRowConverter(s, sheet)
	occurrences := map[string]int{}
	var rows []importRow
	for _, r := range sheet.Rows {
		l, errs := conv.letter(r)
		if len(errs) > 0 {
			rep.Errors = append(rep.Errors, errs...)
			continue
		}
		first := importKey(l, 1)
		occurrences[first]++
		rows = append(rows, importRow{letter: l, row: r.Number, key: importKey(l, occurrences[first])})
	}
	order := map[string]int{}
	for i, h := range imports.Headers() {
		order[h] = i
	}
	slices.SortStableFunc(rep.Errors, func(x, y imports.CellError) int {
		return cmp.Or(cmp.Compare(x.Row, y.Row), cmp.Compare(order[x.Column], order[y.Column]))
	})
	return rows
}

// rowErrors is the error of a rejected file: every bad cell as a field
// "row N: column".
func rowErrors(rep ImportReport) error {
	bad := map[int]bool{}
	fields := make([]models.FieldError, len(rep.Errors))
	for i, e := range rep.Errors {
		bad[e.Row] = true
		fields[i] = models.FieldError{Field: fmt.Sprintf("row %d: %s", e.Row, e.Column), Message: e.Message}
	}
	return &models.Error{Code: models.CodeInvalid, Fields: fields,
		Message: fmt.Sprintf("Tệp có %d dòng lỗi nên chưa nhập đơn nào; sửa các ô được nêu rồi nhập lại.", len(bad))}
}

// ImportActor returns the active user named username as the acting user of
// an import run from the command line, so that the audit trail names a
// person rather than the machine. The user must be allowed to import.
func (s *Service) ImportActor(ctx context.Context, username string) (Actor, error) {
	var u models.User
	err := s.read(ctx).Where("username = ?", strings.ToLower(strings.TrimSpace(username))).First(&u).Error
	switch {
	case models.CodeOf(err) == models.CodeNotFound || err == nil && !u.Active:
		return Actor{}, models.NotFound("người dùng " + strconv.Quote(username))
	case err != nil:
		return Actor{}, models.Internal(err)
	case !u.Role.Can(models.PermHandleLetters):
		return Actor{}, models.Errorf(models.CodeForbidden, "Người dùng %s có vai trò %s, không được nhập đơn; cần vai trò chuyên viên xử lý đơn hoặc lãnh đạo.", u.Username, u.Role.Label())
	}
	return actorOf(u), nil
}
