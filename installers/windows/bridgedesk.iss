; Inno Setup script for BridgeDesk: a per-user install that needs no administrator rights.
;
; Built by `python installers/build.py windows`, which passes:
;   /DAppVersion=<__version__ from src/bridgedesk/__init__.py>   (the single version source)
;   /DSourceDir=<PyInstaller's one-folder app>                   (build\pyinstaller\dist\bridgedesk)
;   /DIconFile=<resources\icons\bridgedesk.ico>
;
; The program goes to {localappdata}\Programs\BridgeDesk. The user's data (database, backups,
; logs) lives in %APPDATA%\BridgeDesk, which this installer never writes and the uninstaller
; never deletes: installing a newer version over an older one keeps it, and BridgeDesk
; migrates the database (after taking a backup) the next time it starts.

#ifndef AppVersion
  #error AppVersion is not defined: build with installers/build.py (it passes /DAppVersion=...)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\pyinstaller\dist\bridgedesk"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\bridgedesk.ico"
#endif

#define AppName "BridgeDesk"
#define AppExe "bridgedesk-gui.exe"
#define DataFolder "{userappdata}\BridgeDesk"

[Setup]
AppId={{8C6E0D2B-5B8E-4F3A-9C44-2F7B1D6A9E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=BridgeDesk
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} installer
; Per-user, no UAC prompt: Program Files needs admin rights, the user's Programs folder does not.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#IconFile}
OutputBaseFilename=bridgedesk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; An upgrade replaces the program while it is closed; the data folder is elsewhere.
CloseApplications=yes
UsePreviousAppDir=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Remove the previous version's program files (never the data folder) so no stale module
; from an older bundle is loaded by the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder holds; the data folder ({#DataFolder}) is kept on purpose.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(ExpandConstant('{#DataFolder}')) then
    MsgBox('BridgeDesk was removed. Your data folder was kept:' + #13#10 +
           ExpandConstant('{#DataFolder}') + #13#10#13#10 +
           'It holds the program database, backups and logs; delete it yourself if you ' +
           'no longer need it.', mbInformation, MB_OK);
end;
