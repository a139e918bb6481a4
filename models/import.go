package models

import "time"

// LetterImport records that one row of an imported register became a
// letter. ImportKey identifies the row's content (see imports.Entry.Key), so
// importing the same file again finds its rows here and adds nothing; the
// row stays recorded when its letter is later withdrawn, so a re-import
// does not bring the letter back either.
type LetterImport struct {
	ID        uint      `gorm:"primaryKey" json:"id"`
	ImportKey string    `gorm:"size:64;not null;uniqueIndex" json:"import_key"`
	LetterID  uint      `gorm:"not null;index" json:"letter_id"`
	FileName  string    `gorm:"size:255" json:"file_name"`
	RowNumber int       `gorm:"not null" json:"row_number"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy uint      `json:"created_by"`
}
