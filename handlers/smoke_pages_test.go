package handlers_test

import (
	"net/http"
	"testing"
)

func TestEveryPageRendersForItsRoles(t *testing.T) {
	e := newEnv(t)
	letter := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(nil))
	c := e.must(http.StatusCreated, "POST", "/api/v1/cases", "legal", map[string]any{"title": "Tranh chấp đất", "kind": "complaint"})
	records := []string{"/", "/letters", "/letters/new", "/letters/" + id(letter), "/reception", "/cases", "/cases/" + id(c),
		"/dialogues", "/council-meetings", "/documents", "/reports", "/people", "/people?q=Nguyen+Van+An", "/people/1"}
	for _, role := range []string{"reception", "legal", "leader"} {
		b := e.browse(role)
		for _, path := range records {
			want := http.StatusOK
			if path == "/letters/new" && role == "leader" {
				want = http.StatusForbidden
			}
			b.mustGet(want, path)
		}
	}
	admin := e.browse("admin")
	admin.mustGet(http.StatusOK, "/admin/users")
	admin.mustGet(http.StatusOK, "/admin/audit")
	admin.mustGet(http.StatusForbidden, "/letters")
	e.browse("leader").mustGet(http.StatusOK, "/admin/audit")
}
