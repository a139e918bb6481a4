package handlers

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/imports"
	"kntc/models"
	"kntc/services"
)

// maxImportBody bounds an uploaded register: 50,000 rows fit in about 5 MiB.
const maxImportBody = 20 << 20

// importLetters takes a register workbook as the "file" field of a
// multipart form. dry_run=true only checks it. The answer is the report as
// JSON, or with format=xlsx the workbook with its "Lỗi" column. A file with
// bad rows is rejected with 400: as problem details whose errors name each
// cell ("row 12: Ngày nhận"), or as that workbook.
func (h *Handler) importLetters(c *gin.Context) {
	query := c.Request.URL.Query()
	dryRun, err := strconv.ParseBool(defaultString(query.Get("dry_run"), "false"))
	if err != nil {
		respondError(c, models.InvalidField("dry_run", "Phải là true hoặc false."))
		return
	}
	format := defaultString(query.Get("format"), "json")
	if format != "json" && format != "xlsx" {
		respondError(c, models.InvalidField("format", "Định dạng "+strconv.Quote(format)+" không được hỗ trợ; dùng json hoặc xlsx."))
		return
	}
	data, name, err := readUpload(c, "file")
	if err != nil {
		respondError(c, err)
		return
	}
	rep, err := h.svc.ImportLetters(c.Request.Context(), bytes.NewReader(data), services.ImportOptions{DryRun: dryRun, FileName: name})
	// Only an error about the rows comes with a report worth sending;
	// any other (role, unreadable file) is answered alone.
	if err != nil && (len(rep.Errors) == 0 || format == "json") {
		respondError(c, err)
		return
	}
	status := http.StatusOK
	if err != nil {
		status = http.StatusBadRequest
	}
	if format == "xlsx" {
		sendXLSX(c, status, "Lỗi nhập đơn thư.xlsx", "loi-nhap-don-thu.xlsx", rep.WriteErrors)
		return
	}
	c.JSON(status, rep)
}

// importTemplate sends the template workbook. Every signed-in user may
// download it: it holds no records.
func (h *Handler) importTemplate(c *gin.Context) {
	sendXLSX(c, http.StatusOK, "Mẫu nhập đơn thư.xlsx", "mau-nhap-don-thu.xlsx",
		func(w io.Writer) error { return imports.WriteTemplate(w, nil) })
}

// readUpload returns the content and name of one file field of a
// multipart/form-data body, read as a stream under the size limit.
func readUpload(c *gin.Context, field string) ([]byte, string, error) {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, "", models.Errorf(models.CodeUnsupportedMedia, "Gửi tệp dưới dạng multipart/form-data, trường %q.", field)
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxImportBody)
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return nil, "", models.Errorf(models.CodeInvalid, "Nội dung multipart/form-data không hợp lệ.")
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, "", uploadError(err, field)
		}
		if part.FormName() != field {
			continue // NextPart skips the rest of this part
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, "", uploadError(err, field)
		}
		return data, part.FileName(), nil
	}
}

// uploadError explains why an upload could not be read.
func uploadError(err error, field string) error {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return models.Errorf(models.CodeTooLarge, "Tệp gửi lên vượt quá %d MiB; hãy chia thành nhiều tệp.", maxImportBody>>20)
	case errors.Is(err, io.EOF):
		return models.InvalidField(field, "Thiếu tệp: gửi bảng tính Excel trong trường "+strconv.Quote(field)+".")
	}
	return models.Errorf(models.CodeInvalid, "Nội dung multipart/form-data không hợp lệ.")
}

// sendXLSX sends what write writes as a workbook attachment with status;
// unlike sendWorkbook it takes any writer and any status (a rejected import
// answers 400 with its errors workbook). The workbook is written into a
// buffer first, so that a failure halfway still reaches the user as an
// error rather than a broken file.
func sendXLSX(c *gin.Context, status int, vietnamese, ascii string, write func(io.Writer) error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		respondError(c, models.Internal(err))
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+ascii+`"; filename*=UTF-8''`+url.PathEscape(vietnamese))
	c.Data(status, xlsxType, buf.Bytes())
}
