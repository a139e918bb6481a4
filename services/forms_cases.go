package services

import (
	"strings"

	"gorm.io/gorm"

	"kntc/exports"
	"kntc/models"
)

// complaintResults are the counts of Biểu 01/KQGQ over the live complaint
// cases.
type complaintResults struct {
	Carried  int // accepted before the period, not decided by its start
	Accepted int // accepted (thụ lý) in the period
	// ByDecision and Withdrawn split the cases whose decision_on falls in
	// the period: resolved or closed by a decision, or withdrawn after
	// explanation (status withdrawn).
	ByDecision int
	Withdrawn  int
	// The results of the cases resolved by decision.
	Correct, Incorrect, PartlyCorrect, Upheld, Overturned int
	// OnTime and Late compare decision_on with resolution_due_on for the
	// cases of the period; NoDeadline counts those without a deadline
	// (never accepted) and NoResult those decided without a result.
	OnTime, Late, NoDeadline, NoResult int
}

// countComplaintResults counts Biểu 01/KQGQ in one pass over the complaint
// cases. A case counts in the period of its decision_on; a case with a
// decision_on but still open or in progress is not resolved and is left out.
//
// Resolved by decision: status resolved, or closed with a result (a
// complaint is resolved only with its result, and closed only after it is
// resolved or withdrawn). Withdrawn after explanation: status withdrawn, or
// closed without a result.
func countComplaintResults(db *gorm.DB, args map[string]any, r *complaintResults) error {
	var results []string
	for _, c := range models.CaseResults() {
		results = append(results, string(c))
	}
	args = withArgs(args, map[string]any{"complaint": string(models.KindComplaint), "results": results,
		"resolved": string(models.CaseStatusResolved), "closed": string(models.CaseStatusClosed),
		"withdrawn": string(models.CaseStatusWithdrawn)})
	const decided = "decision_on >= @from AND decision_on <= @to"
	const withResult = "result IN @results"
	const byDecision = decided + " AND (status = @resolved OR (status = @closed AND " + withResult + "))"
	const withoutResult = "(result IS NULL OR NOT " + withResult + ")"
	const withdrawn = decided + " AND (status = @withdrawn OR (status = @closed AND " + withoutResult + "))"
	const ended = decided + " AND status IN (@resolved, @closed, @withdrawn)"
	// One column per result (correct, ..., overturned), named by its code.
	byResult := make([]string, len(results))
	for i, code := range results {
		args["r_"+code] = code
		byResult[i] = sqlCount(byDecision+" AND result = @r_"+code) + " AS " + code
	}
	return db.Raw(`SELECT
			`+sqlCount("accepted_on < @from AND (decision_on IS NULL OR decision_on >= @from)")+` AS carried,
			`+sqlCount("accepted_on >= @from AND accepted_on <= @to")+` AS accepted,
			`+sqlCount(byDecision)+` AS by_decision,
			`+sqlCount(withdrawn)+` AS withdrawn,
			`+strings.Join(byResult, ", ")+`,
			`+sqlCount(ended+" AND resolution_due_on IS NOT NULL AND decision_on <= resolution_due_on")+` AS on_time,
			`+sqlCount(ended+" AND resolution_due_on IS NOT NULL AND decision_on > resolution_due_on")+` AS late,
			`+sqlCount(ended+" AND resolution_due_on IS NULL")+` AS no_deadline,
			`+sqlCount(byDecision+" AND "+withoutResult)+` AS no_result
		FROM cases
		WHERE deleted_at IS NULL AND kind = @complaint
			AND (accepted_on <= @to OR (`+decided+`))`, args).Scan(r).Error
}

// form lays out Biểu 01/KQGQ: the cases to resolve (1-3), those resolved
// (4-6), the results at first (7-10) and second instance (11-13), and the
// deadline (14-15); 16 is the note, which names the cases the result and
// deadline columns leave out.
func (r complaintResults) form() exports.Form {
	var notes []string
	if r.NoResult > 0 {
		notes = append(notes, exports.Number(r.NoResult)+" vụ việc đã có quyết định nhưng chưa ghi kết quả giải quyết.")
	}
	if r.NoDeadline > 0 {
		notes = append(notes, exports.Number(r.NoDeadline)+" vụ việc chưa có ngày thụ lý nên không tính thời hạn.")
	}
	return exports.Form{
		Sheet:  exports.SheetForm01KQGQ,
		Number: "Biểu số 01/KQGQ",
		Title:  "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN",
		Columns: []exports.FormColumn{
			formGroup("Vụ việc thuộc thẩm quyền", formTotal("Tổng số", 2, 3),
				formLeaf("Kỳ trước chuyển sang", r.Carried), formLeaf("Thụ lý trong kỳ", r.Accepted)),
			formGroup("Vụ việc đã giải quyết", formTotal("Tổng số", 5, 6),
				formLeaf("Bằng quyết định giải quyết", r.ByDecision),
				formLeaf("Rút đơn thông qua giải thích, thuyết phục", r.Withdrawn)),
			formGroup("Kết quả giải quyết lần đầu", formTotal("Tổng số", 8, 9, 10),
				formLeaf("Khiếu nại đúng", r.Correct), formLeaf("Khiếu nại sai", r.Incorrect),
				formLeaf("Khiếu nại đúng một phần", r.PartlyCorrect)),
			formGroup("Kết quả giải quyết lần hai", formTotal("Tổng số", 12, 13),
				formLeaf("Công nhận quyết định giải quyết lần đầu", r.Upheld),
				formLeaf("Hủy, sửa quyết định giải quyết lần đầu", r.Overturned)),
			formGroup("Thời hạn giải quyết", formLeaf("Đúng thời hạn", r.OnTime), formLeaf("Quá thời hạn", r.Late)),
		},
		Note: strings.Join(notes, " "),
	}
}
