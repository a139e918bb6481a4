package models

import (
	"strings"
	"unicode"
)

// PersonKeys are the normalised identity of a person, for matching.
type PersonKeys struct {
	// IDNumber holds the digits of the ID number when it looks like one
	// (at least 6 digits): the old 9-digit CMND and the 12-digit CCCD are
	// different numbers and match only exactly.
	IDNumber string
	// Phone holds the digits of the phone number, +84 written as 0.
	Phone string
	// Name and Address are folded (no diacritics, lower case) with
	// punctuation dropped and runs of spaces collapsed.
	Name, Address string
}

// KeysOf returns the match keys of p.
func KeysOf(p Person) PersonKeys {
	k := PersonKeys{Name: FoldWords(p.FullName), Address: FoldWords(p.Address)}
	if id := digits(p.IDNumber); len(id) >= 6 {
		k.IDNumber = id
	}
	phone := digits(p.Phone)
	if strings.HasPrefix(phone, "84") && len(phone) >= 11 {
		phone = "0" + phone[2:]
	}
	if len(phone) >= 8 {
		k.Phone = phone
	}
	return k
}

// Identifiable reports whether the keys can name one person: an ID number,
// or a name with an address or a phone number.
func (k PersonKeys) Identifiable() bool {
	return k.IDNumber != "" || (k.Name != "" && (k.Address != "" || k.Phone != ""))
}

// digits keeps the ASCII digits of s.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FoldWords folds s (Fold) and keeps only letters and digits, one space
// between words: "Nguyễn  Văn An." and "nguyen van an" give the same key.
func FoldWords(s string) string {
	return strings.Join(strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// commonWords are the folded words of letters' subjects that say nothing of
// their matter (the kinds of letters and their usual wording).
var commonWords = map[string]bool{
	"don": true, "khieu": true, "nai": true, "to": true, "cao": true, "kien": true, "nghi": true,
	"phan": true, "anh": true, "viec": true, "ve": true, "cua": true, "cho": true, "va": true,
	"cac": true, "nhung": true, "theo": true, "tai": true, "trong": true, "den": true, "lien": true,
	"quan": true, "de": true, "xem": true, "xet": true, "giai": true, "quyet": true, "ong": true,
	"ba": true, "so": true, "nam": true, "ngay": true, "thang": true, "khong": true, "duoc": true,
}

// SubjectWords returns the distinct folded words of a subject that carry
// its matter: three letters or more, not in the common list.
func SubjectWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(FoldWords(s)) {
		if len([]rune(w)) >= 3 && !commonWords[w] {
			out[w] = true
		}
	}
	return out
}

// SubjectSimilarity is the share of the shorter subject's meaningful words
// found in the other, from 0 to 1; 0 when either has none.
func SubjectSimilarity(a, b string) float64 {
	return WordSimilarity(SubjectWords(a), SubjectWords(b))
}

// WordSimilarity is SubjectSimilarity of two subjects' SubjectWords, for
// comparing one subject with many.
func WordSimilarity(wa, wb map[string]bool) float64 {
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return float64(shared) / float64(len(wa))
}

// SimilarSubjectShare is the share of words from which two subjects are similar.
const SimilarSubjectShare = 0.5

// DuplicateHint names an earlier letter or case of the same person, shown
// when a letter or visit is registered so staff can link it to the case or
// mark it a duplicate. It never carries a name or any other identity.
type DuplicateHint struct {
	Type       string `json:"type"` // letter or case
	ID         uint   `json:"id"`
	Code       string `json:"code,omitempty"`
	Subject    string `json:"subject,omitempty"`
	Title      string `json:"title,omitempty"`
	ReceivedOn Date   `json:"received_on,omitzero"`
	AcceptedOn Date   `json:"accepted_on,omitzero"`
	CaseID     *uint  `json:"case_id,omitempty"`
	// Reason says in Vietnamese why the record is offered.
	Reason string `json:"reason"`
	// SameID, SameNameAddress and SimilarSubject are the reasons as flags.
	SameID          bool `json:"same_id_number"`
	SameNameAddress bool `json:"same_name_address"`
	SimilarSubject  bool `json:"similar_subject"`
}
