package imports

import "kntc/models"

// Choice is one allowed value of a coded column: the stored code, its
// Vietnamese label, and the shorter words that registers also use for it.
type Choice struct {
	Code    string
	Label   string
	Aliases []string
}

// vocab is the vocabulary of one coded column.
type vocab struct {
	column  Column
	choices []Choice
	byKey   map[string]string // folded code, label or alias -> code
}

// newVocab builds a column's vocabulary from the model's label table, so
// that labels live in one place, plus the import's own short words.
func newVocab[E interface {
	~string
	Label() string
}](column Column, codes []E, aliases map[E][]string) vocab {
	v := vocab{column: column, byKey: map[string]string{}}
	for _, c := range codes {
		ch := Choice{Code: string(c), Label: c.Label(), Aliases: aliases[c]}
		v.choices = append(v.choices, ch)
		for _, word := range append([]string{ch.Code, ch.Label}, ch.Aliases...) {
			v.byKey[key(word)] = ch.Code
		}
	}
	return v
}

// match returns the code a cell names: its code, its label or one of its
// short words, ignoring case, diacritics and punctuation.
func (v vocab) match(cell string) (string, bool) {
	code, ok := v.byKey[key(cell)]
	return code, ok
}

var (
	sourceVocab = newVocab(ColSource, models.Sources(), map[models.Source][]string{
		models.SourcePost:      {"bưu điện", "đường bưu điện", "qua bưu điện", "bưu chính"},
		models.SourceInPerson:  {"trực tiếp", "nộp tại cơ quan"},
		models.SourceReception: {"tiếp công dân", "tiếp dân", "qua tiếp dân"},
		models.SourceForwarded: {"chuyển đến", "cơ quan chuyển đến", "cơ quan khác chuyển đến", "do cơ quan khác chuyển đến"},
		models.SourceOnline:    {"trực tuyến", "cổng thông tin", "thư điện tử", "email", "cổng dịch vụ công"},
		models.SourceHotline:   {"tổng đài", "tổng đài 1022", "1022", "đường dây nóng"},
	})
	domainVocab = newVocab(ColDomain, models.Domains(), map[models.Domain][]string{
		models.DomainLand:  {"đất đai", "đất", "nhà đất", "quyền sử dụng đất", "liên quan đến quyền sử dụng đất"},
		models.DomainCivil: {"dân sự"},
		models.DomainOther: {"khác", "lĩnh vực khác", "chính trị", "văn hoá – xã hội", "chính trị, văn hoá – xã hội"},
	})
	kindVocab = newVocab(ColKind, models.Kinds(), map[models.Kind][]string{
		models.KindComplaint:    {"đơn khiếu nại"},
		models.KindDenunciation: {"đơn tố cáo"},
		models.KindPetition:     {"kiến nghị", "phản ánh", "đơn kiến nghị", "đơn phản ánh", "kiến nghị phản ánh"},
	})
	outcomeVocab = newVocab(ColOutcome, models.Outcomes(), map[models.Outcome][]string{
		models.OutcomeGuided:      {"hướng dẫn công dân", "trả lời hướng dẫn"},
		models.OutcomeTransferred: {"chuyển", "chuyển đơn", "chuyển cơ quan", "chuyển cơ quan có thẩm quyền giải quyết"},
		models.OutcomeUrged:       {"đôn đốc"},
		models.OutcomeAccepted:    {"thụ lý", "thụ lý giải quyết", "thuộc thẩm quyền"},
		models.OutcomeReturned:    {"trả lại", "trả đơn"},
		models.OutcomeFiled:       {"lưu", "lưu đơn", "lưu theo dõi", "lưu hồ sơ"},
	})
)

// vocabs lists the coded columns in the template's order.
var vocabs = []vocab{sourceVocab, domainVocab, kindVocab, outcomeVocab}

// Choices returns the allowed values of a coded column, or nil for a
// column of free text or dates.
func Choices(c Column) []Choice {
	for _, v := range vocabs {
		if v.column == c {
			return v.choices
		}
	}
	return nil
}

// AnonymousWords are what a register writes as the sender's name of a
// letter without one; the first is the one the template suggests.
var AnonymousWords = []string{"nặc danh", "ẩn danh", "đơn nặc danh", "không tên", "không rõ", "không rõ họ tên", "không ghi tên"}

var anonymousKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range AnonymousWords {
		m[key(w)] = true
	}
	return m
}()
