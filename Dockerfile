# Library web app (Blazor Server, .NET 10) — multi-stage build.
#   docker build -t library:local .
# The test project is not built here; CI runs `dotnet test` separately.

############################
# Build stage
############################
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# 1) Restore layer: only the files that affect package restore, so this layer
#    stays cached until a project file or the central package versions change.
#    The trailing '*' globs make optional files (global.json, NuGet.config, a
#    .slnx instead of .sln) safe to be absent (BuildKit allows empty wildcards).
#    When a new project is added to Library.Web's dependency graph, add its
#    .csproj line here too.
COPY Directory.Build.props Directory.Packages.props Library.sln* global.json* NuGet.config* nuget.config* ./
COPY Library.Domain/Library.Domain.csproj Library.Domain/
COPY Library.Web/Library.Web.csproj Library.Web/
RUN dotnet restore Library.Web/Library.Web.csproj

# 2) Sources, then publish (no tests in the image build).
COPY . .
RUN dotnet publish Library.Web/Library.Web.csproj -c Release -o /app/publish /p:UseAppHost=false

############################
# Runtime stage
############################
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final

# curl is only used by HEALTHCHECK (the aspnet image ships neither curl nor wget).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# /data holds the SQLite database and the e-mail pickup folder. It must be
# owned by the non-root 'app' user (uid/gid 1654, predefined in the image);
# a fresh named volume mounted here inherits this ownership.
RUN mkdir -p /data/mail-pickup \
    && chown -R app:app /data

WORKDIR /app
# Application files stay owned by root: the app user can read but not modify them.
COPY --from=build /app/publish .

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Library="Data Source=/data/library.db" \
    Notifications__PickupDirectory=/data/mail-pickup \
    Logging__Console__FormatterName=json

EXPOSE 8080
VOLUME /data

# $APP_UID is defined by the aspnet base image (= 1654, user 'app'); the image
# config records the numeric uid, which Kubernetes runAsNonRoot can verify.
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "Library.Web.dll"]
