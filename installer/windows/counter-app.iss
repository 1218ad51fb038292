; Inno Setup 6 script of the Windows installer (build on Windows: see installer/README.md).
;
;   ISCC /DAppVersion=0.1.0 installer\windows\counter-app.iss
;
; Packs dist\counter-app\ (made by installer\windows\build.ps1) into dist\counter-app-setup-<version>.exe.
; The clerks' data lives in %LOCALAPPDATA%\counter-app, outside {app}: an upgrade or an uninstall
; never touches it; the new version migrates the store on its first start, after a backup.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "公积金窗口服务系统"
#define Bundle "..\..\dist\counter-app"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6F1C2B4E-5A7D-4C39-9E0B-3D2A8C71F5A4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=counter-app
DefaultDirName={autopf}\counter-app
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; An administrator installs for every clerk; without one, it installs for the current user only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=counter-app-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\counter-app.ico
UninstallDisplayIcon={app}\counter-appw.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running counter is closed (and reopened) by the Restart Manager during an upgrade.
CloseApplications=yes
RestartApplications=yes

[Languages]
; Inno Setup 6.3+ ships Simplified Chinese; with an older one, use Languages\Unofficial\.
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's libraries go first, so no stale module shadows a new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\counter-appw.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\counter-appw.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\counter-appw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
