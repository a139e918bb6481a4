package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// The helpers below give every record kind (sessions, visits, cases,
// meetings, documents) the same thin handler rhythm as letters: check the
// shape of the request, call one service method, answer.

// listWith answers a list request once the filter is read from q.
func listWith[F, T any](c *gin.Context, q *query, f F, list func(context.Context, F, models.Page) (models.List[T], error)) {
	p := q.page()
	if err := q.err(); err != nil {
		respondError(c, err)
		return
	}
	out, err := list(c.Request.Context(), f, p)
	respond(c, http.StatusOK, out, err)
}

// createWith strictly decodes the body into the record's fields and answers
// 201 with the whole record.
func createWith[F, T any](c *gin.Context, create func(context.Context, F) (T, error)) {
	var in F
	if err := bindJSON(c, &in); err != nil {
		respondError(c, err)
		return
	}
	r, err := create(c.Request.Context(), in)
	respond(c, http.StatusCreated, r, err)
}

// getWith answers one record by its path id.
func getWith[T any](c *gin.Context, get func(context.Context, uint) (T, error)) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	r, err := get(c.Request.Context(), id)
	respond(c, http.StatusOK, r, err)
}

// updateWith applies a correction: the fields in the body are decoded onto
// the record's current fields, so those left out keep their value; the
// version comes from the body or If-Match.
func updateWith[F, T any](c *gin.Context, update func(context.Context, uint, *int, func(*F) error) (T, error)) {
	id, version, changes, err := versionedRequest(c)
	if err != nil {
		respondError(c, err)
		return
	}
	r, err := update(c.Request.Context(), id, version, func(f *F) error { return decodeStrict(changes, f) })
	respond(c, http.StatusOK, r, err)
}

// versionedRequest reads the path id and splits the JSON body into the
// version the client read (or If-Match) and the rest.
func versionedRequest(c *gin.Context) (id uint, version *int, rest []byte, err error) {
	if id, err = pathID(c); err != nil {
		return 0, nil, nil, err
	}
	body, err := readJSONBody(c)
	if err != nil {
		return 0, nil, nil, err
	}
	version, rest, err = splitPatch(c, body)
	return id, version, rest, err
}

// deleteWith withdraws the record of the path id and answers 204.
func deleteWith(c *gin.Context, del func(context.Context, uint) error) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	respondDeleted(c, del(c.Request.Context(), id))
}

// respondDeleted answers a withdrawal with 204, or the error.
func respondDeleted(c *gin.Context, err error) {
	if err != nil {
		respondError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
