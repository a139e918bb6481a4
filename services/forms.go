package services

import (
	"context"
	"errors"
	"sync"

	"kntc/exports"
	"kntc/models"
)

// The inspectorate's forms (Thông tư 01/2024/TT-TTCP) are counted here, each
// column by a rule written out in docs/forms.md. Every count is made by the
// database (COUNT, SUM, GROUP BY over a handful of queries) and only the
// groups come back to Go; dates are compared with 'YYYY-MM-DD' parameters,
// which match SQLite's text dates and PostgreSQL's date columns alike.

// FormsWorkbook gathers the inspectorate's forms of period p for a workbook
// of the forms alone (format=forms), with the office, period and date that
// head and sign them. The export is audited like the statistics workbook.
func (s *Service) FormsWorkbook(ctx context.Context, p Period) (exports.Workbook, error) {
	a, err := require(ctx, models.PermStatistics)
	if err != nil {
		return exports.Workbook{}, err
	}
	wb := s.reportHeading(p)
	if wb.Forms, err = s.forms(ctx, p); err != nil {
		return wb, err
	}
	return wb, s.auditExport(ctx, a, p, "forms", false)
}

// Forms returns the six forms of period p, for callers that lay them out
// themselves.
func (s *Service) Forms(ctx context.Context, p Period) ([]exports.Form, error) {
	if _, err := require(ctx, models.PermStatistics); err != nil {
		return nil, err
	}
	return s.forms(ctx, p)
}

// FormsFileName returns the file names of the forms workbook of p, as
// FileName does for the statistics workbook: "Biểu mẫu Thông tư 01-2024 -
// Báo cáo tiếp công dân, xử lý đơn quý I năm 2022.xlsx".
func (p Period) FormsFileName(ext string) (vietnamese, ascii string) {
	vietnamese, ascii = p.FileName(ext)
	return "Biểu mẫu Thông tư 01-2024 - " + vietnamese, "bieu-mau-thong-tu-01-2024-" + ascii
}

// reportHeading is what every workbook of period p shows above and below
// its tables: the office, the period and today's date for the signature.
func (s *Service) reportHeading(p Period) exports.Workbook {
	o := s.cfg.Office
	return exports.Workbook{
		Office: exports.Office{ParentName: o.ParentName, Name: o.Name, Place: o.Place,
			SignerTitle: o.SignerTitle, SignerName: o.SignerName},
		Period: p.Label,
		From:   p.From.Time(),
		To:     p.To.Time(),
		Date:   s.Today().Time(),
	}
}

// forms counts and lays out the six forms, in the order of
// exports.FormSheetNames. The counts are independent read-only queries,
// run concurrently on separate connections (SQLite in WAL mode and
// PostgreSQL serve them in parallel); each fills its own part of the
// figures, and args is only read.
func (s *Service) forms(ctx context.Context, p Period) ([]exports.Form, error) {
	if p.From.IsZero() || p.To.IsZero() || p.To.Before(p.From) {
		return nil, models.InvalidField("period", "Kỳ báo cáo không hợp lệ.")
	}
	db := s.read(ctx)
	args := map[string]any{"from": p.From.String(), "to": p.To.String(), "group": s.groupSize()}
	var (
		tcd  receptionForm
		xld  letterForms
		kqgq complaintResults
	)
	steps := []func() error{
		func() error { return countReceptionVisits(db, args, &tcd) },
		func() error { return countReceptionSessions(db, args, &tcd) },
		func() error { return countLetterFlow(db, args, &xld.flow) },
		func() error { return countLetterBreakdown(db, args, &xld.rows) },
		func() error { return countLetterReplies(db, args, &xld.replies) },
		func() error { return countComplaintResults(db, args, &kqgq) },
	}
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Go(func() { errs[i] = step() })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, models.Internal(err)
	}
	return []exports.Form{tcd.form(), xld.form01(), xld.formByTopic(models.KindComplaint),
		xld.formByTopic(models.KindDenunciation), xld.formByTopic(models.KindPetition), kqgq.form()}, nil
}

// formLeaf is a numbered column of a figure.
func formLeaf(label string, v int) exports.FormColumn {
	return exports.FormColumn{Label: label, Value: v}
}

// formTotal is a numbered column that adds up the columns numbered of; the
// writer makes it a formula.
func formTotal(label string, of ...int) exports.FormColumn {
	return exports.FormColumn{Label: label, Sum: of}
}

// formGroup is a heading over columns.
func formGroup(label string, cols ...exports.FormColumn) exports.FormColumn {
	return exports.FormColumn{Label: label, Children: cols}
}

// sqlSum is SUM(expr) that is 0 over no rows and an integer on both
// databases: PostgreSQL sums bigint columns into numeric.
func sqlSum(expr string) string {
	return "COALESCE(CAST(SUM(" + expr + ") AS BIGINT), 0)"
}

// sqlCount counts the rows where cond holds.
func sqlCount(cond string) string {
	return sqlSum("CASE WHEN " + cond + " THEN 1 ELSE 0 END")
}
