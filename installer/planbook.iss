; Inno Setup script for Windows: a per-user install (no administrator rights needed), built
; from PyInstaller's dist\PlanBook folder:  iscc installer\planbook.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6B1F3C0E-7A52-4B57-9A0B-5D1C0A7E2B11}
AppName=PlanBook
AppVerName=PlanBook {#AppVersion}
AppPublisher=PlanBook
DefaultDirName={localappdata}\Programs\PlanBook
DefaultGroupName=PlanBook
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=PlanBook-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\PlanBook\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\PlanBook"; Filename: "{app}\planbook.exe"
Name: "{userdesktop}\PlanBook"; Filename: "{app}\planbook.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

[Run]
Filename: "{app}\planbook.exe"; Description: "{cm:LaunchProgram,PlanBook}"; Flags: nowait postinstall skipifsilent
