package handlers_test

import (
	"net/http"
	"testing"
)

const documentsPath = "/api/v1/documents"

func TestDocumentLinksAndFilters(t *testing.T) {
	e := newEnv(t)
	c := e.newCase(nil)
	p := checkProblem(t, e.do("POST", documentsPath, "legal", documentBody(map[string]any{"case_id": 999})), http.StatusBadRequest, "invalid")
	if !hasFieldError(p, "case_id") || e.total(documentsPath) != 0 {
		t.Fatalf("problem %v", p)
	}
	d := e.must(http.StatusCreated, "POST", documentsPath, "legal", documentBody(map[string]any{"case_id": c}))
	if d["doc_type_label"] != "quyết định" || d["case_id"] != c {
		t.Fatalf("created %v", d)
	}
	e.must(http.StatusCreated, "POST", documentsPath, "leader", documentBody(map[string]any{"number": "45/BC-VP", "doc_type": "report",
		"subject": "Báo cáo công tác tiếp công dân tháng 5", "issued_on": "2022-05-31"}))
	for query, want := range map[string]float64{
		"doc_type=report": 1, "case_id=" + jsonNumber(c): 1, "from=2022-06-01": 1, "to=2022-05-31": 1,
		"q=tiep+cong+dan": 1, "q=QD-UBND": 1, "q=khieu+nai+lan+dau": 1,
	} {
		if got := e.total(documentsPath + "?" + query); got != want {
			t.Errorf("%s: total %v, want %v", query, got, want)
		}
	}
	checkProblem(t, e.do("GET", documentsPath+"?doc_type=memo", "legal", nil), http.StatusBadRequest, "invalid")
	t.Run("a correction may unlink the case", func(t *testing.T) {
		got := e.must(http.StatusOK, "PATCH", documentsPath+"/"+id(d), "legal", map[string]any{"version": 1, "case_id": nil})
		if got["case_id"] != nil || got["number"] != "123/QĐ-UBND" {
			t.Fatalf("patched %v", got)
		}
	})
}
