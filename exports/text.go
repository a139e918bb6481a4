package exports

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Narrative holds the figures of the monthly report paragraph (nội chính
// section) with the wording of each count. The services choose the labels
// and their order; the writer only builds the sentences, leaving out what is
// zero.
type Narrative struct {
	// Letters is the number of letters received in the period.
	Letters int
	// Sources split Letters by how they arrived ("qua đường bưu điện").
	Sources []Count
	// Domains split the classified letters by domain; UnclassifiedDomain
	// counts those without one.
	Domains            []Count
	UnclassifiedDomain int
	// Kinds split the classified letters by kind, in the report's order;
	// UnclassifiedKind counts those without one.
	Kinds            []Count
	UnclassifiedKind int
	// Handling splits the handled letters by what was done; Pending counts
	// those not handled yet.
	Handling []Count
	Pending  int
	// RegularVisits, RegularPeople and RegularGroups describe the regular
	// reception (tiếp thường xuyên).
	RegularVisits, RegularPeople, RegularGroups int
	// Dialogues and DialogueCases describe the dialogues held.
	Dialogues, DialogueCases int
	// CouncilMeetings and CouncilCases describe the advisory council's meetings.
	CouncilMeetings, CouncilCases int
	// Leaders are the leaders' receptions, one line each.
	Leaders []LeaderReception
	// Documents is the number of documents issued.
	Documents int
}

// Count is one labelled count of letters.
type Count struct {
	// Label precedes the count. A label ending in a digit ("qua Tổng đài
	// 1022") is followed by a colon so that two numbers never touch; one
	// ending in a colon keeps it.
	Label string
	N     int
}

// LeaderReception is the reception by leaders of one level.
type LeaderReception struct {
	// Host names who received, as in "phục vụ Chủ tịch UBND Tỉnh tiếp công dân".
	Host     string
	Sessions int
	Cases    int
}

// StatisticsText returns the report paragraph: one line per "- " bullet,
// each ending with a newline and never wrapped inside, in NFC.
func StatisticsText(n Narrative) string {
	lines := []string{letterLine(n), receptionLine(n)}
	for _, l := range n.Leaders {
		if l.Sessions > 0 {
			lines = append(lines, leaderLine(l))
		}
	}
	lines = append(lines, documentLine(n.Documents))
	return norm.NFC.String(strings.Join(lines, "\n") + "\n")
}

// WriteStatisticsText writes the report paragraph of StatisticsText to w.
func WriteStatisticsText(w io.Writer, n Narrative) error {
	_, err := io.WriteString(w, StatisticsText(n))
	return err
}

// letterLine is the bullet on letters received and handled.
func letterLine(n Narrative) string {
	if n.Letters == 0 {
		return "- Trong kỳ không tiếp nhận đơn."
	}
	var b strings.Builder
	b.WriteString("- Tiếp nhận và xử lý " + Number(n.Letters) + " đơn gửi khiếu nại, tố cáo, phản ánh")
	switch src := nonZero(n.Sources); len(src) {
	case 0:
	case 1:
		b.WriteString(" " + src[0].Label)
	default:
		b.WriteString(" (" + joinCounts(src, ", ") + ")")
	}
	domains := nonZero(n.Domains)
	switch {
	case len(domains) > 0:
		if n.UnclassifiedDomain > 0 {
			domains = append(domains, Count{"chưa phân loại", n.UnclassifiedDomain})
		}
		b.WriteString(", phân loại như sau: " + joinCounts(domains, "; "))
	case n.UnclassifiedDomain > 0:
		b.WriteString(", chưa phân loại theo lĩnh vực")
	}
	if kinds := nonZero(n.Kinds); len(kinds) > 0 {
		if n.UnclassifiedKind > 0 {
			kinds = append(kinds, Count{"chưa phân loại", n.UnclassifiedKind})
		}
		b.WriteString(". Trong đó, " + joinCounts(kinds, "; "))
	}
	handled := nonZero(n.Handling)
	switch {
	case len(handled) > 0:
		b.WriteString(" (qua nghiên cứu đơn, đã xử lý như: " + joinCounts(handled, "; "))
		if n.Pending > 0 {
			b.WriteString("; còn " + Number(n.Pending) + " đơn chưa xử lý")
		}
		b.WriteString(")")
	case n.Pending > 0:
		b.WriteString(" (đang nghiên cứu, chưa xử lý " + Number(n.Pending) + " đơn)")
	}
	b.WriteString(".")
	return b.String()
}

// receptionLine is the bullet on regular reception, dialogues and the
// advisory council; absent parts are left out.
func receptionLine(n Narrative) string {
	var parts []string
	if n.RegularVisits > 0 {
		p := "tiếp dân thường xuyên " + Number(n.RegularVisits) + " lượt với " + Number(n.RegularPeople) + " người"
		if n.RegularGroups > 0 {
			p += " (trong đó có " + Number(n.RegularGroups) + " đoàn đông người)"
		}
		parts = append(parts, p)
	}
	if n.Dialogues > 0 {
		p := "tổ chức đối thoại " + Number(n.Dialogues) + " cuộc"
		if n.DialogueCases > 0 {
			p += ", " + Number(n.DialogueCases) + " vụ việc"
		}
		parts = append(parts, p)
	}
	if n.CouncilMeetings > 0 {
		p := "họp Hội đồng tư vấn " + Number(n.CouncilMeetings) + " cuộc"
		if n.CouncilCases > 0 {
			p += " với " + Number(n.CouncilCases) + " vụ việc"
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return "- Trong kỳ không có lượt tiếp dân thường xuyên, không tổ chức đối thoại và không họp Hội đồng tư vấn."
	}
	return "- " + upperFirst(strings.Join(parts, "; ")) + "."
}

// leaderLine is the bullet on one level of leaders' reception.
func leaderLine(l LeaderReception) string {
	s := "- Tham mưu, phục vụ " + l.Host + " tiếp công dân " + Number(l.Sessions) + " kỳ"
	if l.Cases > 0 {
		s += " với " + Number(l.Cases) + " vụ việc"
	}
	return s + "."
}

// documentLine is the bullet on documents issued.
func documentLine(n int) string {
	if n == 0 {
		return "- Trong kỳ không ban hành văn bản chỉ đạo, điều hành liên quan đến tiếp công dân, giải quyết khiếu nại, tố cáo."
	}
	return "- Ban hành trên " + Number(n) + " văn bản chỉ đạo, điều hành liên quan đến tiếp công dân, " +
		"giải quyết khiếu nại, tố cáo; công tác thanh tra, phòng chống tham nhũng, thi hành án dân sự, " +
		"thi hành án hành chính; thực hiện luật tố tụng hành chính, tố tụng dân sự."
}

// Number writes a count the house way: two digits under ten ("06"), and
// thousands grouped with a dot ("1.234"), as Vietnamese writes numbers.
func Number(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// nonZero keeps the counts that are not zero, in order.
func nonZero(cs []Count) []Count {
	out := make([]Count, 0, len(cs))
	for _, c := range cs {
		if c.N != 0 {
			out = append(out, c)
		}
	}
	return out
}

// joinCounts writes "label NN đơn" for each count, joined by sep.
func joinCounts(cs []Count, sep string) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		label := strings.TrimSpace(c.Label)
		r, _ := utf8.DecodeLastRuneInString(label)
		switch {
		case r == ':':
			label += " "
		case unicode.IsDigit(r):
			label += ": "
		case label != "":
			label += " "
		}
		parts[i] = label + Number(c.N) + " đơn"
	}
	return strings.Join(parts, sep)
}
