namespace Library.Web.Features.Import;

/// <summary>How a CSV file's bytes become text: detected, or chosen by the librarian (<c>encoding=auto|utf-8|cp949</c>).</summary>
internal enum ImportEncoding
{
    Auto,
    Utf8,
    Cp949,
}
