# Library web app (Blazor Server, .NET 10): multi-stage build.
#   docker build -t library:local .
# The base images default to Microsoft's official ones. Where no registry is reachable, deploy/container/build-and-run.sh
# makes equivalent local ones and passes them as --build-arg SDK_IMAGE=… --build-arg RUNTIME_IMAGE=….
# Only Library.Web is published; tests are not built or run here (CI runs ./test.sh separately,
# and .dockerignore keeps Library.Tests out of the build context).

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

############################
# Build stage
############################
FROM ${SDK_IMAGE} AS build
WORKDIR /src

# 1) Restore layer: only the files that affect package restore, so this layer stays cached until a
#    project file or a central package version changes. When Library.Web references a new project,
#    add its .csproj here too (a test checks this list against the project references).
COPY Directory.Build.props Directory.Packages.props ./
COPY Library.Domain/Library.Domain.csproj Library.Domain/
COPY Library.Web/Library.Web.csproj Library.Web/
RUN dotnet restore Library.Web/Library.Web.csproj

# 2) Sources, then publish.
COPY . .
RUN dotnet publish Library.Web/Library.Web.csproj -c Release -o /app/publish --no-restore /p:UseAppHost=false

############################
# Runtime stage
############################
FROM ${RUNTIME_IMAGE} AS final

# curl is only used by HEALTHCHECK (the aspnet image ships neither curl nor wget; a local base may have it already).
RUN command -v curl >/dev/null || (apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*)

# /data holds everything the app writes: the SQLite database (+ WAL), the data-protection keys (keys/)
# and the e-mail pickup folder (mail-pickup/). It belongs to the non-root user 'app' (uid/gid 1654,
# predefined in the image as $APP_UID); a fresh named volume mounted here inherits that ownership.
RUN mkdir -p /data/mail-pickup \
    && chown -R app:app /data

WORKDIR /app
# Application files stay owned by root: the app user can read but not modify them.
COPY --from=build /app/publish .

# The base image already sets DOTNET_RUNNING_IN_CONTAINER=true (the app then logs JSON by default);
# the formatter is named here as well so the image's behaviour is visible in one place.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataDirectory=/data \
    ConnectionStrings__Library="Data Source=/data/library.db" \
    Notifications__PickupDirectory=/data/mail-pickup \
    Logging__Console__FormatterName=json

EXPOSE 8080
VOLUME /data

# Numeric uid (1654) from the base image, so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "Library.Web.dll"]
