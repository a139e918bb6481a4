package services

import (
	"kntc/exports"
	"kntc/models"
)

// form01 lays out Biểu 01/XLD: the flow of letters (1-5), the eligible
// letters handled in the period (6-7) by content (8-10), resolution state
// (11-13), competent ones by kind (14-17) and the others by handling
// (18-21), and the replies to transferred letters (22); 23 is the note.
func (x letterForms) form01() exports.Form {
	t := x.tally("")
	f := x.flow
	return exports.Form{
		Sheet:  exports.SheetForm01XLD,
		Number: "Biểu số 01/XLD",
		Title:  "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
		Columns: []exports.FormColumn{
			formTotal("Tổng số đơn", 2, 3),
			formLeaf("Số đơn kỳ trước chuyển sang", f.Carried),
			formLeaf("Số đơn tiếp nhận trong kỳ", f.Received),
			formLeaf("Số đơn đã xử lý", f.Handled),
			// Carried and received letters not handled in the period, so
			// that column 1 is also 4 + 5.
			formLeaf("Số đơn chưa xử lý (chuyển kỳ sau)", f.Carried+f.Received-f.Handled),
			formGroup("Đơn đủ điều kiện xử lý", formLeaf("Số đơn", t.total),
				formLeaf("Số vụ việc", f.EligibleCases+f.EligibleLoose)),
			formGroup("Phân loại theo nội dung", kindLeaves(t.byKind)...),
			stateGroup(t),
			formGroup("Đơn thuộc thẩm quyền", append([]exports.FormColumn{formTotal("Tổng số", 15, 16, 17)},
				kindLeaves(t.competent)...)...),
			notCompetentGroup(t, 18),
			formLeaf("Số văn bản phúc đáp nhận được do chuyển đơn", x.replyCount("")),
		},
		Note: uncoveredNote(t),
	}
}

// formByTopic lays out the form of one kind of letter: 02/XLD (complaints),
// 03/XLD (denunciations) or 04/XLD (petitions). Column 1 adds up the
// content columns; then come the resolution state, the competent letters
// (for complaints by instance), the others by handling and the replies.
func (x letterForms) formByTopic(kind models.Kind) exports.Form {
	t := x.tally(kind)
	admin := []models.Topic{models.TopicPolicy, models.TopicLandHousing}
	others := []models.Topic{models.TopicJudicial, models.TopicParty, models.TopicOther}
	form := exports.Form{Sheet: exports.SheetForm02XLD, Number: "Biểu số 02/XLD",
		Title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI"}
	switch kind {
	case models.KindDenunciation:
		admin = append(admin, models.TopicCivilService)
		others = append([]models.Topic{models.TopicCorruption}, others...)
		form.Sheet, form.Number, form.Title = exports.SheetForm03XLD, "Biểu số 03/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO"
	case models.KindPetition:
		form.Sheet, form.Number, form.Title = exports.SheetForm04XLD, "Biểu số 04/XLD",
			"TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH"
	}
	admin = append(admin, models.TopicAdminOther)

	// Column 2 adds up the administrative topics, 3..; the other topics
	// follow, and column 1 adds up 2 and them.
	adminCols := []exports.FormColumn{formTotal("Tổng", seq(3, len(admin))...)}
	for _, tp := range admin {
		adminCols = append(adminCols, formLeaf(topicHeads[tp], t.byTopic[tp]))
	}
	content := []exports.FormColumn{formGroup("Lĩnh vực hành chính", adminCols...)}
	next := 3 + len(admin)
	totalOf := []int{2}
	for _, tp := range others {
		content = append(content, formLeaf(topicHeads[tp], t.byTopic[tp]))
		totalOf = append(totalOf, next)
		next++
	}
	form.Columns = []exports.FormColumn{
		formTotal("Tổng số "+kindHeads[kind], totalOf...),
		formGroup("Phân loại theo nội dung", content...),
		stateGroup(t),
	}
	next += 3 // the resolution state
	if kind == models.KindComplaint {
		first := t.competent[kind] - t.competentSecond
		form.Columns = append(form.Columns, formGroup("Đơn thuộc thẩm quyền", formTotal("Tổng số", next+1, next+2),
			formLeaf("Giải quyết lần đầu", first), formLeaf("Giải quyết lần hai", t.competentSecond)))
		next += 3
	} else {
		form.Columns = append(form.Columns, formLeaf("Đơn thuộc thẩm quyền", t.competent[kind]))
		next++
	}
	form.Columns = append(form.Columns, notCompetentGroup(t, next),
		formLeaf("Số văn bản phúc đáp nhận được do chuyển đơn", x.replyCount(kind)))
	form.Note = uncoveredNote(t)
	return form
}

// The headings of the content columns, by topic, and of the forms' first
// column, by kind.
var (
	topicHeads = map[models.Topic]string{
		models.TopicPolicy: "Chế độ, chính sách", models.TopicLandHousing: "Đất đai, nhà cửa",
		models.TopicCivilService: "Công chức, công vụ", models.TopicAdminOther: "Khác",
		models.TopicCorruption: "Tham nhũng", models.TopicJudicial: "Lĩnh vực tư pháp",
		models.TopicParty: "Lĩnh vực Đảng, đoàn thể", models.TopicOther: "Lĩnh vực khác",
	}
	kindHeads = map[models.Kind]string{models.KindComplaint: "đơn khiếu nại",
		models.KindDenunciation: "đơn tố cáo", models.KindPetition: "đơn kiến nghị, phản ánh"}
)

// kindLeaves is a column per kind: khiếu nại, tố cáo, kiến nghị, phản ánh.
func kindLeaves(counts map[models.Kind]int) []exports.FormColumn {
	return []exports.FormColumn{formLeaf("Khiếu nại", counts[models.KindComplaint]),
		formLeaf("Tố cáo", counts[models.KindDenunciation]),
		formLeaf("Kiến nghị, phản ánh", counts[models.KindPetition])}
}

// stateGroup is the three columns of the resolution state.
func stateGroup(t letterTally) exports.FormColumn {
	return formGroup("Phân loại theo tình trạng giải quyết",
		formLeaf("Đã giải quyết lần đầu", t.byState[stateOnce]),
		formLeaf("Đã giải quyết nhiều lần", t.byState[stateMany]),
		formLeaf("Chưa giải quyết xong", t.byState[statePending]))
}

// notCompetentGroup is the letters not competent by handling, its total
// numbered at.
func notCompetentGroup(t letterTally, at int) exports.FormColumn {
	return formGroup("Đơn không thuộc thẩm quyền", formTotal("Tổng số", at+1, at+2, at+3),
		formLeaf("Hướng dẫn", t.notCompetent[models.OutcomeGuided]),
		formLeaf("Chuyển đơn", t.notCompetent[models.OutcomeTransferred]),
		formLeaf("Đôn đốc giải quyết", t.notCompetent[models.OutcomeUrged]))
}

// uncoveredNote explains, in the note column, eligible letters that no
// handling column takes, so that the totals can be checked.
func uncoveredNote(t letterTally) string {
	if t.uncovered == 0 {
		return ""
	}
	return exports.Number(t.uncovered) + " đơn đủ điều kiện xử lý, không thuộc thẩm quyền, đã lưu hoặc trả lại: " +
		"không tính vào đơn không thuộc thẩm quyền."
}

// seq returns n numbers from first.
func seq(first, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = first + i
	}
	return out
}
