package services

import (
	"kntc/imports"
	"kntc/models"
)

// importColumns names the column of the register that each field of the
// API's validation comes from, so its errors point at cells.
var importColumns = map[string]imports.Column{
	"received_on":          imports.ColReceivedOn,
	"source":               imports.ColSource,
	"forwarded_from":       imports.ColSource,
	"senders":              imports.ColSenderName,
	"senders[0].full_name": imports.ColSenderName,
	"senders[0].id_number": imports.ColIDNumber,
	"senders[0].address":   imports.ColAddress,
	"signer_count":         imports.ColSignerCount,
	"subject":              imports.ColContent,
	"summary":              imports.ColNote,
	"domain":               imports.ColDomain,
	"kind":                 imports.ColKind,
	"outcome":              imports.ColOutcome,
	"handled_on":           imports.ColHandledOn,
	"transferred_to":       imports.ColTransferredTo,
}

// Messages where the API's wording names a JSON field the register does not have.
const (
	msgImportSender    = "Cần họ tên người gửi; ghi «nặc danh» nếu đơn không ghi tên."
	msgImportForwarded = "Đơn do cơ quan khác chuyển đến: ghi «chuyển đến: tên cơ quan»."
	msgImportTransfer  = "Chỉ ghi cơ quan chuyển đến khi hướng xử lý là chuyển cơ quan có thẩm quyền."
)

// rowConverter turns register rows into letters for one import.
type rowConverter struct {
	s     *Service
	sheet *imports.Sheet
	today models.Date
	cal   *models.Calendar
}

func newRowConverter(s *Service, sheet *imports.Sheet) *rowConverter {
	return &rowConverter{s: s, sheet: sheet, today: s.Today(), cal: s.calendar()}
}

// letter reads row r into a letter and checks it as the API would check a
// registration followed by classify and handle. It returns the letter and
// the row's cell errors.
func (c *rowConverter) letter(r imports.Row) (models.Letter, []imports.CellError) {
	e, errs := c.sheet.Parse(r)
	l := models.Letter{Status: models.LetterStatusRegistered, LetterFields: models.LetterFields{
		ReceivedOn: e.ReceivedOn, Source: e.Source, ForwardedFrom: e.ForwardedFrom, Anonymous: e.Anonymous,
		SignerCount: e.SignerCount, Subject: e.Content, Summary: e.Note}}
	if e.SenderName != "" || e.IDNumber != "" || e.Address != "" {
		l.Senders = []models.Person{{FullName: e.SenderName, IDNumber: e.IDNumber, Address: e.Address}}
	}
	l.Normalize()
	v := rowValidation{c: c, r: r, e: e, errs: errs}
	v.add(l.Validate(c.today))
	if e.Domain != "" || e.Kind != "" || e.Outcome != "" {
		v.add(classify(&l, e))
	}
	if e.Outcome != "" || !e.HandledOn.IsZero() || e.TransferredTo != "" {
		v.add(handle(&l, e, c.today))
	}
	l.HandlingDueOn = c.cal.AddWorkingDays(l.ReceivedOn, c.s.cfg.HandlingWorkingDays)
	return l, v.errs
}

// classify applies the row's domain and kind as the classify action would.
// The register does not say whether a letter was eligible or within the
// office's competence, so the handling decides: a returned letter was not
// eligible, an accepted one was within competence.
func classify(l *models.Letter, e imports.Entry) error {
	eligible := e.Outcome != models.OutcomeReturned
	competent := e.Outcome == models.OutcomeAccepted
	in := models.ClassifyInput{Domain: e.Domain, Kind: e.Kind, Eligible: &eligible, Competent: &competent}
	if err := in.Validate(); err != nil {
		return err
	}
	l.Domain, l.Kind, l.Eligible, l.Competent = in.Domain, in.Kind, in.Eligible, in.Competent
	// The register keeps no date of classification: the handling date, or
	// else the date received, keeps historical letters in their own period.
	l.ClassifiedOn = e.HandledOn
	if l.ClassifiedOn.IsZero() {
		l.ClassifiedOn = e.ReceivedOn
	}
	l.Status = models.LetterStatusClassified
	return nil
}

// handle applies the row's handling decision as the handle action would.
func handle(l *models.Letter, e imports.Entry, today models.Date) error {
	in := models.HandleInput{Outcome: e.Outcome, HandledOn: e.HandledOn, TransferredTo: e.TransferredTo}
	var v models.Validation
	if err := in.Validate(l, today); err != nil {
		v.Fields = models.AsError(err).Fields
	}
	if in.TransferredTo != "" && in.Outcome != "" && in.Outcome != models.OutcomeTransferred {
		v.Add("transferred_to", msgImportTransfer)
	}
	if err := v.Err(); err != nil {
		return err
	}
	l.Outcome, l.HandledOn, l.TransferredTo = in.Outcome, in.HandledOn, in.TransferredTo
	l.Status = models.LetterStatusHandled
	return nil
}

// rowValidation gathers one row's errors as cell errors, one per cell at
// most: a cell that could not be read is not judged again.
type rowValidation struct {
	c    *rowConverter
	r    imports.Row
	e    imports.Entry
	errs []imports.CellError
}

func (v *rowValidation) add(err error) {
	if err == nil {
		return
	}
	for _, f := range models.AsError(err).Fields {
		col, ok := importColumns[f.Field]
		if !ok {
			// A rule on a field the register has no column for still
			// rejects the row, named by the field.
			v.errs = append(v.errs, imports.CellError{Row: v.r.Number, Column: f.Field, Message: f.Message})
			continue
		}
		if v.has(col) {
			continue
		}
		msg := f.Message
		switch {
		case f.Field == "senders":
			msg = msgImportSender
		case f.Field == "forwarded_from" && v.e.ForwardedFrom == "":
			msg = msgImportForwarded
		}
		v.errs = append(v.errs, v.c.sheet.CellError(v.r, col, msg))
	}
}

func (v *rowValidation) has(col imports.Column) bool {
	for _, e := range v.errs {
		if e.Column == col.Header() {
			return true
		}
	}
	return false
}
