package handlers

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// statusOf is the one map from error codes to HTTP statuses.
var statusOf = map[models.ErrorCode]int{
	models.CodeInvalid:          http.StatusBadRequest,
	models.CodeUnauthorized:     http.StatusUnauthorized,
	models.CodeForbidden:        http.StatusForbidden,
	models.CodeNotFound:         http.StatusNotFound,
	models.CodeConflict:         http.StatusConflict,
	models.CodeTooLarge:         http.StatusRequestEntityTooLarge,
	models.CodeUnsupportedMedia: http.StatusUnsupportedMediaType,
	models.CodeInternal:         http.StatusInternalServerError,
}

// titleOf gives each code its Vietnamese problem title.
var titleOf = map[models.ErrorCode]string{
	models.CodeInvalid:          "Dữ liệu không hợp lệ",
	models.CodeUnauthorized:     "Chưa đăng nhập",
	models.CodeForbidden:        "Không có quyền",
	models.CodeNotFound:         "Không tìm thấy",
	models.CodeConflict:         "Xung đột dữ liệu",
	models.CodeTooLarge:         "Dữ liệu quá lớn",
	models.CodeUnsupportedMedia: "Định dạng không được hỗ trợ",
	models.CodeInternal:         "Lỗi hệ thống",
}

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type    string              `json:"type"`
	Title   string              `json:"title"`
	Status  int                 `json:"status"`
	Code    models.ErrorCode    `json:"code"`
	Detail  string              `json:"detail"`
	Errors  []models.FieldError `json:"errors,omitempty"`
	Current any                 `json:"current,omitempty"`
}

// problemOf turns any error into the problem to send; causes stay out.
func problemOf(err error) Problem {
	e := models.AsError(err)
	status, ok := statusOf[e.Code]
	if !ok {
		e, status = models.Internal(err), http.StatusInternalServerError
	}
	return Problem{Type: "about:blank", Title: titleOf[e.Code], Status: status, Code: e.Code,
		Detail: e.Message, Errors: e.Fields, Current: e.Current}
}

// respondError writes err as problem details. Only internal errors are
// logged, with their cause; nothing the user sent is logged.
func respondError(c *gin.Context, err error) {
	p := problemOf(err)
	if p.Code == models.CodeInternal {
		var e *models.Error
		cause := err
		if errors.As(err, &e) && e.Err != nil {
			cause = e.Err
		}
		slog.ErrorContext(c.Request.Context(), "request failed", "method", c.Request.Method,
			"route", c.FullPath(), "error", cause.Error())
	}
	writeProblem(c, p)
}

func writeProblem(c *gin.Context, p Problem) {
	c.Header("Cache-Control", "no-store")
	c.Render(p.Status, problemRender{p})
	c.Abort()
}
