package handlers

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/exports"
	"kntc/models"
	"kntc/services"
)

// xlsxType is the media type of Excel workbooks.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// getStatistics answers the figures of one period as JSON, the Vietnamese
// report paragraph, the workbook, or the inspectorate's forms alone.
func (h *Handler) getStatistics(c *gin.Context) {
	query := c.Request.URL.Query()
	p, err := services.ParsePeriodValues(query, h.svc.Config().CutoffDay)
	if err != nil {
		respondError(c, err)
		return
	}
	ctx := c.Request.Context()
	switch format := query.Get("format"); format {
	case "", "json":
		st, err := h.svc.Statistics(ctx, p)
		respond(c, http.StatusOK, st, err)
	case "text":
		text, err := h.svc.StatisticsText(ctx, p)
		if err != nil {
			respondError(c, err)
			return
		}
		c.Data(http.StatusOK, "text/plain; charset=utf-8", []byte(text))
	case "xlsx":
		includeIdentity, err := strconv.ParseBool(defaultString(query.Get("include_identity"), "false"))
		if err != nil {
			respondError(c, models.InvalidField("include_identity", "Phải là true hoặc false."))
			return
		}
		wb, err := h.svc.StatisticsWorkbook(ctx, p, includeIdentity)
		if err != nil {
			respondError(c, err)
			return
		}
		vietnamese, ascii := p.FileName("xlsx")
		sendWorkbook(c, wb, exports.WriteStatisticsWorkbook, vietnamese, ascii)
	case "forms":
		wb, err := h.svc.FormsWorkbook(ctx, p)
		if err != nil {
			respondError(c, err)
			return
		}
		vietnamese, ascii := p.FormsFileName("xlsx")
		sendWorkbook(c, wb, exports.WriteForms, vietnamese, ascii)
	default:
		respondError(c, models.InvalidField("format", "Định dạng "+strconv.Quote(format)+" không được hỗ trợ; dùng json, xlsx, forms hoặc text."))
	}
}

// sendWorkbook writes wb with write and sends it as an attachment. It is
// written into a buffer first, so that a failure halfway still reaches the
// user as an error rather than a broken file.
func sendWorkbook(c *gin.Context, wb exports.Workbook, write func(io.Writer, exports.Workbook) error, vietnamese, ascii string) {
	var buf bytes.Buffer
	if err := write(&buf, wb); err != nil {
		respondError(c, models.Internal(err))
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+ascii+`"; filename*=UTF-8''`+url.PathEscape(vietnamese))
	c.Data(http.StatusOK, xlsxType, buf.Bytes())
}

func defaultString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
