package exports_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"kntc/exports"
)

// may2022 is the narrative of the office's report for May 2022 (domain.md).
func may2022() exports.Narrative {
	return exports.Narrative{
		Letters: 81,
		Sources: []exports.Count{{"qua đường bưu điện", 81}, {"nộp trực tiếp", 0}},
		Domains: []exports.Count{{"liên quan đến quyền sử dụng đất", 59}, {"dân sự", 10},
			{"lĩnh vực chính trị, văn hoá – xã hội và lĩnh vực khác:", 12}},
		Kinds:         []exports.Count{{"tố cáo", 6}, {"khiếu nại", 49}, {"kiến nghị, phản ánh", 26}},
		Handling:      []exports.Count{{"hướng dẫn, chuyển cơ quan có thẩm quyền", 38}, {"thụ lý giải quyết", 0}, {"lưu theo dõi", 43}},
		RegularVisits: 30, RegularPeople: 41,
		Dialogues: 3, DialogueCases: 23,
		CouncilMeetings: 2, CouncilCases: 16,
		Leaders: []exports.LeaderReception{{Host: "Chủ tịch UBND Tỉnh", Sessions: 1, Cases: 1},
			{Host: "Phó Chủ tịch UBND Tỉnh", Sessions: 0}},
		Documents: 467,
	}
}

const may2022Text = "- Tiếp nhận và xử lý 81 đơn gửi khiếu nại, tố cáo, phản ánh qua đường bưu điện, phân loại như sau: liên quan đến quyền sử dụng đất 59 đơn; dân sự 10 đơn; lĩnh vực chính trị, văn hoá – xã hội và lĩnh vực khác: 12 đơn. Trong đó, tố cáo 06 đơn; khiếu nại 49 đơn; kiến nghị, phản ánh 26 đơn (qua nghiên cứu đơn, đã xử lý như: hướng dẫn, chuyển cơ quan có thẩm quyền 38 đơn; lưu theo dõi 43 đơn).\n" +
	"- Tiếp dân thường xuyên 30 lượt với 41 người; tổ chức đối thoại 03 cuộc, 23 vụ việc; họp Hội đồng tư vấn 02 cuộc với 16 vụ việc.\n" +
	"- Tham mưu, phục vụ Chủ tịch UBND Tỉnh tiếp công dân 01 kỳ với 01 vụ việc.\n" +
	"- Ban hành trên 467 văn bản chỉ đạo, điều hành liên quan đến tiếp công dân, giải quyết khiếu nại, tố cáo; công tác thanh tra, phòng chống tham nhũng, thi hành án dân sự, thi hành án hành chính; thực hiện luật tố tụng hành chính, tố tụng dân sự.\n"

func TestTextMay2022(t *testing.T) {
	var buf bytes.Buffer
	if err := exports.WriteStatisticsText(&buf, may2022()); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != may2022Text {
		t.Fatalf("got\n%s\nwant\n%s", got, may2022Text)
	}
	if !norm.NFC.IsNormalString(may2022Text) || !norm.NFC.IsNormalString(buf.String()) {
		t.Fatal("text is not NFC")
	}
}

func TestTextVariants(t *testing.T) {
	tests := []struct {
		name   string
		change func(*exports.Narrative)
		line   int
		want   string
	}{
		{"no letters", func(n *exports.Narrative) { *n = exports.Narrative{} }, 0, "- Trong kỳ không tiếp nhận đơn."},
		{"several sources", func(n *exports.Narrative) {
			n.Sources = []exports.Count{{"qua đường bưu điện", 50}, {"nộp trực tiếp", 31}, {"qua cổng thông tin, thư điện tử", 0}}
		}, 0, "- Tiếp nhận và xử lý 81 đơn gửi khiếu nại, tố cáo, phản ánh (qua đường bưu điện 50 đơn, nộp trực tiếp 31 đơn), phân loại như sau:"},
		{"a source ending in a number", func(n *exports.Narrative) {
			n.Sources = []exports.Count{{"qua đường bưu điện", 78}, {"qua Tổng đài 1022", 3}}
		}, 0, "(qua đường bưu điện 78 đơn, qua Tổng đài 1022: 03 đơn)"},
		{"unclassified letters are named", func(n *exports.Narrative) {
			n.Domains[0].N, n.UnclassifiedDomain = 57, 2
			n.Kinds[1].N, n.UnclassifiedKind = 47, 2
		}, 0, "khác: 12 đơn; chưa phân loại 02 đơn. Trong đó, tố cáo 06 đơn; khiếu nại 47 đơn; kiến nghị, phản ánh 26 đơn; chưa phân loại 02 đơn (qua"},
		{"nothing classified", func(n *exports.Narrative) {
			n.Domains, n.Kinds, n.UnclassifiedDomain, n.UnclassifiedKind = nil, nil, 81, 81
			n.Handling, n.Pending = nil, 81
		}, 0, "- Tiếp nhận và xử lý 81 đơn gửi khiếu nại, tố cáo, phản ánh qua đường bưu điện, chưa phân loại theo lĩnh vực (đang nghiên cứu, chưa xử lý 81 đơn)."},
		{"pending letters", func(n *exports.Narrative) {
			n.Handling[2].N, n.Pending = 40, 3
		}, 0, "lưu theo dõi 40 đơn; còn 03 đơn chưa xử lý)."},
		{"other outcomes only when not zero", func(n *exports.Narrative) {
			n.Handling = []exports.Count{{"hướng dẫn, chuyển cơ quan có thẩm quyền", 38}, {"thụ lý giải quyết", 5},
				{"trả lại", 0}, {"lưu theo dõi", 38}}
		}, 0, "(qua nghiên cứu đơn, đã xử lý như: hướng dẫn, chuyển cơ quan có thẩm quyền 38 đơn; thụ lý giải quyết 05 đơn; lưu theo dõi 38 đơn)."},
		{"thousands are grouped", func(n *exports.Narrative) {
			n.Letters, n.Sources[0].N = 1234, 1234
		}, 0, "- Tiếp nhận và xử lý 1.234 đơn gửi"},
		{"no regular reception", func(n *exports.Narrative) { n.RegularVisits, n.RegularPeople = 0, 0 }, 1,
			"- Tổ chức đối thoại 03 cuộc, 23 vụ việc; họp Hội đồng tư vấn 02 cuộc với 16 vụ việc."},
		{"only regular reception, with groups", func(n *exports.Narrative) {
			n.Dialogues, n.CouncilMeetings, n.RegularGroups = 0, 0, 2
		}, 1, "- Tiếp dân thường xuyên 30 lượt với 41 người (trong đó có 02 đoàn đông người)."},
		{"no reception at all", func(n *exports.Narrative) { n.RegularVisits, n.Dialogues, n.CouncilMeetings = 0, 0, 0 }, 1,
			"- Trong kỳ không có lượt tiếp dân thường xuyên, không tổ chức đối thoại và không họp Hội đồng tư vấn."},
		{"one line per host level", func(n *exports.Narrative) {
			n.Leaders = append(n.Leaders, exports.LeaderReception{Host: "người được Chủ tịch UBND Tỉnh ủy quyền", Sessions: 2, Cases: 12})
		}, 3, "- Tham mưu, phục vụ người được Chủ tịch UBND Tỉnh ủy quyền tiếp công dân 02 kỳ với 12 vụ việc."},
		{"no documents", func(n *exports.Narrative) { n.Documents = 0 }, 3,
			"- Trong kỳ không ban hành văn bản chỉ đạo, điều hành liên quan đến tiếp công dân, giải quyết khiếu nại, tố cáo."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := may2022()
			tt.change(&n)
			text := exports.StatisticsText(n)
			lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
			if tt.line >= len(lines) {
				t.Fatalf("only %d lines:\n%s", len(lines), text)
			}
			if !strings.Contains(lines[tt.line], tt.want) {
				t.Errorf("line %d:\n%s\nwant it to contain\n%s", tt.line, lines[tt.line], tt.want)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "- ") || !strings.HasSuffix(l, ".") {
					t.Errorf("line %q is not a bullet sentence", l)
				}
				if strings.Contains(l, " 00 ") {
					t.Errorf("line %q names a zero", l)
				}
			}
			if !norm.NFC.IsNormalString(text) {
				t.Error("text is not NFC")
			}
		})
	}
}

func TestNumber(t *testing.T) {
	for n, want := range map[int]string{0: "00", 6: "06", 10: "10", 467: "467", 1000: "1.000", 1234567: "1.234.567", -5: "-5"} {
		if got := exports.Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}
