package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// maxJSONBody is the largest JSON body accepted.
const maxJSONBody = 1 << 20

// readJSONBody checks the content type and size and returns the body.
func readJSONBody(c *gin.Context) ([]byte, error) {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || mt != "application/json" {
		return nil, models.Errorf(models.CodeUnsupportedMedia, "Nội dung phải là JSON (Content-Type: application/json).")
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxJSONBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, models.Errorf(models.CodeTooLarge, "Nội dung gửi lên vượt quá %d KiB.", maxJSONBody>>10)
	}
	if err != nil {
		return nil, models.Errorf(models.CodeInvalid, "Không đọc được nội dung gửi lên.")
	}
	return body, nil
}

// decodeStrict decodes body onto dst, refusing unknown fields and trailing
// data, and turns decoding errors into Vietnamese field errors. Fields
// already set in dst and absent from body keep their value.
func decodeStrict(body []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return models.Errorf(models.CodeInvalid, "Nội dung JSON có dữ liệu thừa sau đối tượng.")
	}
	return nil
}

// bindJSON reads and strictly decodes a JSON request body into dst.
func bindJSON(c *gin.Context, dst any) error {
	body, err := readJSONBody(c)
	if err != nil {
		return err
	}
	return decodeStrict(body, dst)
}

var dateType = reflect.TypeFor[models.Date]()

// decodeError explains a JSON decoding error in Vietnamese.
func decodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		msg := fmt.Sprintf("Giá trị không đúng kiểu (cần %s).", typeName(typeErr.Type))
		if typeErr.Type == dateType {
			msg = "Ngày không hợp lệ; dùng định dạng YYYY-MM-DD với ngày có thật."
		}
		return &models.Error{Code: models.CodeInvalid, Message: "Dữ liệu không hợp lệ: " + field + ".",
			Fields: []models.FieldError{{Field: field, Message: msg}}}
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return models.Errorf(models.CodeInvalid, "Nội dung JSON không đúng cú pháp.")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &models.Error{Code: models.CodeInvalid, Message: "Trường không được hỗ trợ: " + field + ".",
			Fields: []models.FieldError{{Field: field, Message: "Trường này không có trong mô tả API."}}}
	}
	return models.Errorf(models.CodeInvalid, "Nội dung JSON không hợp lệ.")
}

func typeName(t reflect.Type) string {
	if t == nil {
		return "giá trị khác"
	}
	switch t.Kind() {
	case reflect.String:
		return "chuỗi"
	case reflect.Bool:
		return "true hoặc false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Uint32:
		return "số nguyên"
	case reflect.Float64, reflect.Float32:
		return "số"
	case reflect.Slice:
		return "danh sách"
	case reflect.Struct, reflect.Map:
		return "đối tượng"
	}
	return t.String()
}

// splitPatch separates the version a correction was based on (the body's
// "version", else If-Match) from the fields it changes.
func splitPatch(c *gin.Context, body []byte) (*int, []byte, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, nil, decodeError(err)
	}
	version, err := ifMatch(c)
	if err != nil {
		return nil, nil, err
	}
	if v, ok := raw["version"]; ok {
		var n int
		if err := json.Unmarshal(v, &n); err != nil {
			return nil, nil, decodeError(&json.UnmarshalTypeError{Value: string(v), Type: reflect.TypeFor[int](), Field: "version"})
		}
		version = &n
		delete(raw, "version")
	}
	rest, err := json.Marshal(raw)
	return version, rest, err
}

// ifMatch reads the version from an If-Match header such as "3" or W/"3".
func ifMatch(c *gin.Context) (*int, error) {
	h := strings.TrimSpace(c.GetHeader("If-Match"))
	if h == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(strings.Trim(strings.TrimPrefix(h, "W/"), `"`))
	if err != nil {
		return nil, &models.Error{Code: models.CodeInvalid, Message: "Tiêu đề If-Match phải là phiên bản của bản ghi, ví dụ \"3\".",
			Fields: []models.FieldError{{Field: "If-Match", Message: "Không phải số phiên bản."}}}
	}
	return &n, nil
}

// versionOf picks the version from If-Match when the body did not send one.
func versionOf(c *gin.Context, body *int) (*int, error) {
	if body != nil {
		return body, nil
	}
	return ifMatch(c)
}
