using System.Xml.Linq;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Security;

/// <summary>
/// Data-protection keys used to be files in <c>{Storage:DataDirectory}/keys</c>; they now live in the database. At start-up
/// (under the migration lock) every key file whose key is not in the database yet is copied in as it is (still encrypted with
/// the certificate if it was), so cookies and tokens issued before the upgrade stay valid and nobody is signed out. The
/// files are left where they were (a backup); copying again finds every key present and does nothing.
/// </summary>
internal sealed class FileKeysImport(IDbContextFactory<LibraryDbContext> dbFactory, ILogger<FileKeysImport> logger)
{
    public const string FolderName = "keys";

    public async Task<int> RunAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var folder = new DirectoryInfo(Path.Combine(dataDirectory, FolderName));
        if (!folder.Exists)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in folder.EnumerateFiles("key-*.xml").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            // The file repository names a key's file after the key ("key-{id}.xml"); the database repository stores the same
            // name as FriendlyName and the element without formatting.
            var friendlyName = Path.GetFileNameWithoutExtension(file.Name);
            if (known.Contains(friendlyName))
            {
                continue;
            }

            XElement element;
            try
            {
                element = XElement.Load(file.FullName);
            }
            catch (System.Xml.XmlException ex)
            {
                logger.LogWarning("Data-protection key file {File} is not valid XML and was not imported: {Reason}", file.FullName, ex.Message);
                continue;
            }

            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            imported++;
        }

        if (imported > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Imported {Count} data-protection key(s) from {Folder} into the database; the files can be deleted", imported, folder.FullName);
        }

        return imported;
    }
}
