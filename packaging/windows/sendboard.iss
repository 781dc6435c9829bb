; Inno Setup script: a per-user installer for the one-folder build (no administrator rights).
;
; Build dist\sendboard\ first (see README, "Building the executable"), then from the repository
; root:   iscc /DAppVersion=0.1.0 packaging\windows\sendboard.iss
; The installer is written to dist\installer\. It installs into
; %LOCALAPPDATA%\Programs\sendboard, adds a Start-menu shortcut and an uninstaller. The user's
; data (%LOCALAPPDATA%\sendboard: database, backups, files) is never touched by install or
; uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{1ED19A4E-6215-4195-AF2E-0A93B088D7C2}
AppName=sendboard
AppVersion={#AppVersion}
AppVerName=sendboard {#AppVersion}
AppPublisher=sendboard
AppComments=Secretariat tool for a local-area SEND Improvement Board
SourceDir=..\..
OutputDir=dist\installer
OutputBaseFilename=sendboard-{#AppVersion}-setup
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\sendboard
DisableDirPage=yes
DefaultGroupName=sendboard
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=resources\icons\sendboard.ico
UninstallDisplayIcon={app}\sendboard.exe
UninstallDisplayName=sendboard
CloseApplications=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Create a &desktop shortcut"; Flags: unchecked

[Files]
Source: "dist\sendboard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the previous build's bundled files rather than mixing old and new.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\sendboard"; Filename: "{app}\sendboard.exe"; Comment: "SEND Improvement Board secretariat"
Name: "{userdesktop}\sendboard"; Filename: "{app}\sendboard.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\sendboard.exe"; Description: "Open sendboard"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder; the data folder stays so a reinstall finds the secretary's database.
Type: filesandordirs; Name: "{app}\_internal"
