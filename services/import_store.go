package services

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"kntc/models"
)

// This file writes an import: register numbers, letters, audit entries,
// import keys, and then the people index.

// importBatch is the number of rows per INSERT: well under the bound
// variables SQLite (32,766) and PostgreSQL (65,535) allow for a letter's
// thirty-odd columns.
const importBatch = 200

// msgImportUnindexed tells why a successful import may be missing from the
// citizens' files, and what mends it.
const msgImportUnindexed = "Đã nhập đơn nhưng chưa cập nhật xong hồ sơ công dân; quản trị viên cần lập lại chỉ mục công dân."

// How many imported letters one people-index transaction covers. SQLite
// takes no advisory locks, and each commit there waits for the disk, so its
// batches are larger; they stay short enough (about a second) for other
// writers to get their turn between them.
const (
	importIndexBatch       = 200
	importIndexBatchSQLite = 5000
)

// indexImported adds the senders of imported letters to the people index,
// as CreateLetter does, but after the letters commit and in transactions of
// importIndexBatch letters: on PostgreSQL indexing a person holds advisory
// locks until its transaction ends, and the locks of 50,000 letters in one
// transaction exhaust the server's lock table ("out of shared memory"). The
// index can be rebuilt (ReindexPeople), the register cannot: it commits first.
func (s *Service) indexImported(ctx context.Context, letters []models.Letter) error {
	batch := importIndexBatch
	if s.sqlite {
		batch = importIndexBatchSQLite
	}
	for chunk := range slices.Chunk(letters, batch) {
		err := s.write(ctx, func(tx *gorm.DB) error {
			for i := range chunk {
				if err := indexLetter(tx, &chunk[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// importKey identifies a row by the letter it makes, normalised: rows with
// the same content have the same key, however their codes, dates and
// defaults were written ("bưu điện" or "post", 15/05/2022 or a date cell, a
// blank or 1 signer), so a second import of a file recognises its rows.
// occurrence counts the rows of the same content in one file (1 for the
// first), so that two identical letters in a register both come in, once.
func importKey(l models.Letter, occurrence int) string {
	h := sha256.New()
	parts := []string{"v1", strconv.Itoa(occurrence), l.ReceivedOn.String(), string(l.Source), l.ForwardedFrom,
		strconv.FormatBool(l.Anonymous), strconv.Itoa(l.SignerCount), l.Subject, l.Summary,
		string(l.Domain), string(l.Kind), string(l.Outcome), l.HandledOn.String(), l.TransferredTo}
	for _, p := range l.Senders {
		parts = append(parts, p.FullName, p.IDNumber, p.Phone, p.Email, p.Address)
	}
	for _, part := range parts {
		fmt.Fprintf(h, "%d:%s", len(part), part) // length-prefixed: no field can run into the next
	}
	return hex.EncodeToString(h.Sum(nil))
}

// createImported writes the rows not imported before, in the order they
// were received, each with the next register number of its year, its audit
// entry and its import key; then one audit entry for the whole import. It
// returns the letters written.
func (s *Service) createImported(tx *gorm.DB, a Actor, rows []importRow, file string, rep *ImportReport) ([]models.Letter, error) {
	done, err := importedKeys(tx, rows)
	if err != nil {
		return nil, err
	}
	rep.Skipped = len(done)
	fresh := slices.DeleteFunc(slices.Clone(rows), func(r importRow) bool { return done[r.key] })
	slices.SortStableFunc(fresh, func(x, y importRow) int {
		return cmp.Or(x.letter.ReceivedOn.Time().Compare(y.letter.ReceivedOn.Time()), cmp.Compare(x.row, y.row))
	})
	letters, err := numberLetters(tx, a, fresh)
	if err != nil {
		return nil, err
	}
	if len(letters) > 0 {
		if err := s.insertImported(tx, a, letters, fresh, file); err != nil {
			return nil, err
		}
	}
	rep.Created, rep.Codes = len(letters), codeRanges(letters)
	detail := fmt.Sprintf("%s: %d đơn mới, %d dòng đã nhập trước được bỏ qua", file, rep.Created, rep.Skipped)
	return letters, s.audit(tx, a, ActionImport, (&models.Letter{}).EntityName(), 0, nil, detail)
}

// insertImported writes the letters, their audit entries, as CreateLetter
// writes them, and their import keys.
func (s *Service) insertImported(tx *gorm.DB, a Actor, letters []models.Letter, rows []importRow, file string) error {
	if err := tx.CreateInBatches(letters, importBatch).Error; err != nil {
		return err
	}
	at := s.now().UTC()
	audits := make([]models.AuditEntry, len(letters))
	keys := make([]models.LetterImport, len(letters))
	for i := range letters {
		l := &letters[i]
		audits[i] = models.AuditEntry{At: at, UserID: a.userID(), Username: a.Username, Action: ActionCreate,
			Entity: l.EntityName(), EntityID: l.ID, Changes: diff(nil, l), Detail: fmt.Sprintf("nhập từ %s, dòng %d", file, rows[i].row)}
		keys[i] = models.LetterImport{ImportKey: rows[i].key, LetterID: l.ID, FileName: file, RowNumber: rows[i].row,
			CreatedAt: at, CreatedBy: a.ID}
	}
	if err := tx.CreateInBatches(audits, importBatch).Error; err != nil {
		return err
	}
	return tx.CreateInBatches(keys, importBatch*4).Error
}

// numberLetters gives each row's letter its register number, creator and
// search columns, in the rows' order.
func numberLetters(tx *gorm.DB, a Actor, rows []importRow) ([]models.Letter, error) {
	seqs, err := reserveLetterSeqs(tx, rows)
	if err != nil {
		return nil, err
	}
	letters := make([]models.Letter, len(rows))
	for i := range rows {
		l := rows[i].letter
		l.CreatedBy, l.Version, l.Year = a.ID, 1, l.ReceivedOn.Year()
		l.Seq, seqs[l.Year] = seqs[l.Year], seqs[l.Year]+1
		l.Code = models.LetterCode(l.Year, l.Seq)
		l.PrepareSearch()
		letters[i] = l
	}
	return letters, nil
}

// reserveLetterSeqs takes, for each year of the rows, as many consecutive
// register numbers as the rows of that year, and returns the first of each.
// One statement per year takes them all: a statement per letter would cost
// a round trip per row to PostgreSQL (about 20 s for 50,000 rows).
func reserveLetterSeqs(tx *gorm.DB, rows []importRow) (map[int]int, error) {
	counts := map[int]int{}
	for _, r := range rows {
		counts[r.letter.ReceivedOn.Year()]++
	}
	first := map[int]int{}
	for _, year := range slices.Sorted(maps.Keys(counts)) { // a fixed order of locks
		seq, err := models.ReserveLetterSeqs(tx, year, counts[year])
		if err != nil {
			return nil, err
		}
		first[year] = seq
	}
	return first, nil
}

// importedKeys returns the keys of rows that an earlier import took in.
func importedKeys(db *gorm.DB, rows []importRow) (map[string]bool, error) {
	done := map[string]bool{}
	for chunk := range slices.Chunk(rows, 500) {
		keys := make([]string, len(chunk))
		for i, r := range chunk {
			keys[i] = r.key
		}
		var found []string
		if err := db.Model(&models.LetterImport{}).Where("import_key IN ?", keys).Pluck("import_key", &found).Error; err != nil {
			return nil, models.Internal(err)
		}
		for _, k := range found {
			done[k] = true
		}
	}
	return done, nil
}

// codeRanges summarises the register numbers taken, per year.
func codeRanges(letters []models.Letter) []CodeRange {
	out := []CodeRange{}
	byYear := map[int]int{}
	for _, l := range letters {
		i, ok := byYear[l.Year]
		if !ok {
			i = len(out)
			byYear[l.Year] = i
			out = append(out, CodeRange{Year: l.Year, First: l.Code})
		}
		out[i].Last, out[i].Count = l.Code, out[i].Count+1
	}
	slices.SortFunc(out, func(x, y CodeRange) int { return cmp.Compare(x.Year, y.Year) })
	return out
}

// fileName keeps the base name of an uploaded file, cut to the column.
func fileName(name string) string {
	// Browsers on Windows may send the whole path, with backslashes.
	name = models.NFC(name[strings.LastIndexAny(name, `/\`)+1:])
	for utf8.RuneCountInString(name) > 255 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name
}
