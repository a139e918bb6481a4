package handlers

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"kntc/models/modeltest"
	"kntc/services"
)

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	h := &Handler{svc: services.New(modeltest.NewDB(t), services.DefaultConfig(), nil), log: slog.New(slog.DiscardHandler)}
	registered := map[string]bool{}
	for _, r := range h.engine().Routes() {
		path := r.Path
		for _, seg := range strings.Split(path, "/") {
			if strings.HasPrefix(seg, ":") {
				path = strings.Replace(path, seg, "{"+seg[1:]+"}", 1)
			}
		}
		if strings.HasPrefix(path, "/api/") || path == "/healthz" {
			registered[r.Method+" "+path] = true
		}
	}
	ops := operations()
	for key := range registered {
		if _, ok := ops[key]; !ok {
			t.Errorf("route %s is not in the OpenAPI description", key)
		}
	}
	for key := range ops {
		if !registered[key] {
			t.Errorf("OpenAPI describes %s, which is not registered", key)
		}
	}

	rec := httptest.NewRecorder()
	h.engine().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	var doc struct {
		OpenAPI    string                               `json:"openapi"`
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" || doc.Paths["/api/v1/letters/{id}/classify"]["post"] == nil {
		t.Fatalf("document: %s", doc.OpenAPI)
	}
	letter := doc.Components.Schemas["Letter"].Properties
	for _, f := range []string{"code", "received_on", "senders", "domain", "domain_label", "kind_label", "outcome", "overdue", "identity_protected", "confidential", "version"} {
		if letter[f] == nil {
			t.Errorf("Letter schema lacks %s", f)
		}
	}
	if enum, _ := letter["kind"]["enum"].([]any); len(enum) != 4 { // three codes and null
		t.Errorf("kind enum %v", letter["kind"])
	}
	if doc.Components.Schemas["Problem"].Properties["code"] == nil {
		t.Errorf("Problem schema missing")
	}
	if _, ok := doc.Paths["/api/v1/letters"]["post"]["responses"].(map[string]any)["415"]; !ok {
		t.Errorf("create letter does not describe 415")
	}
}
