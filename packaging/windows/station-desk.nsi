; Installer for Station Desk (NSIS 3, Unicode): per-machine, Chinese shortcuts,
; silent install/upgrade for county IT, an uninstaller that never touches the data.
;
;   makensis -DVERSION=0.1.0 -DSOURCE=dist/station-desk -DOUTFILE=dist/x.exe station-desk.nsi
;
; SOURCE is the PyInstaller folder (`make package`); Windows: packaging/windows/build.ps1.
; Silent:  StationDesk-<version>-setup.exe /S [/D=D:\StationDesk]   (install or upgrade)
;          "C:\Program Files\StationDesk\uninstall.exe" /S
;          Exit code 0: done; 32: refused, the program is open on this PC (close it, run again).
; The program holds a named mutex while it runs (station_desk/running_mark.py):
; an upgrade or removal waits for it to be closed instead of failing half-way
; on files in use.
; The data lives in C:\ProgramData\StationDesk (station_desk/paths.py), outside
; the program folder, so an upgrade replaces the program and keeps the archive;
; the program runs the schema migrations itself on its first start.

Unicode true
ManifestDPIAware true
; LZMA for the real installer; CI's compile check passes -DCOMPRESSOR=zlib (faster).
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "missing -DVERSION=x.y.z"
!endif
!ifndef SOURCE
  !error "missing -DSOURCE=<the PyInstaller folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "StationDesk-${VERSION}-setup.exe"
!endif

!define APP_NAME "便民服务站办件台账"
!define APP_KEY "StationDesk"
!define PUBLISHER "Station Desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"
!define WINDOW_EXE "station-desk.exe"
!define CLI_EXE "station-desk-cli.exe"
!define RUNNING_MUTEX "StationDeskRunning"
; ERROR_SHARING_VIOLATION: what a silent run returns while the program is open
!define EXIT_PROGRAM_OPEN 32
; BUILTIN\Users by its SID: the name is translated on Chinese Windows.
!define ALL_USERS_SID "*S-1-5-32-545"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\StationDesk"
InstallDirRegKey HKLM "Software\${APP_KEY}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!define MUI_ICON "..\..\resources\icons\station-desk.ico"
!define MUI_UNICON "..\..\resources\icons\station-desk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION OpenAsTheSignedInUser
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; $R0 = 1 while a copy of the program runs: its mutex exists, in this login's
; session or globally (another login's copy may deny us access: still running).
!macro RUNNING_CHECKS UN
Function ${UN}ProgramRunning
  StrCpy $R0 0
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "Global\${RUNNING_MUTEX}") p.r1 ?e'
  Pop $2
  ${If} $1 P<> 0
    System::Call 'kernel32::CloseHandle(p r1)'
    StrCpy $R0 1
  ${ElseIf} $2 = 5
    StrCpy $R0 1
  ${EndIf}
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p.r1'
  ${If} $1 P<> 0
    System::Call 'kernel32::CloseHandle(p r1)'
    StrCpy $R0 1
  ${EndIf}
FunctionEnd

; Ask until the program is closed (or give up); silent: refuse with an exit code.
Function ${UN}CloseProgramFirst
  retry:
    Call ${UN}ProgramRunning
    ${If} $R0 = 1
      ${If} ${Silent}
        SetErrorLevel ${EXIT_PROGRAM_OPEN}
        Quit
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME}正在运行（可能在另一个 Windows 用户下）。$\r$\n请先保存并关闭它，再点“重试”。" IDRETRY retry
      SetErrorLevel ${EXIT_PROGRAM_OPEN}
      Quit
    ${EndIf}
FunctionEnd
!macroend
!insertmacro RUNNING_CHECKS ""
!insertmacro RUNNING_CHECKS "un."

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "${APP_NAME}需要 64 位的 Windows 10 或更新版本。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  Call CloseProgramFirst
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  Call un.CloseProgramFirst
FunctionEnd

; The installer runs elevated; Explorer starts the program as the signed-in user.
Function OpenAsTheSignedInUser
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\${WINDOW_EXE}"'
FunctionEnd

Section "Install"
  ; Upgrade in place: the old build's libraries go first so none is left to be
  ; loaded by mistake. Only the program's own files; the data is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}/*"

  ; One archive per PC: every local user of the station may write the data folder
  ; ($APPDATA is C:\ProgramData under SetShellVarContext all).
  CreateDirectory "$APPDATA\${APP_KEY}"
  nsExec::ExecToLog 'icacls "$APPDATA\${APP_KEY}" /grant ${ALL_USERS_SID}:(OI)(CI)M /T /C /Q'
  Pop $0

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${WINDOW_EXE}" "" \
    "$INSTDIR\${WINDOW_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\卸载${APP_NAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${WINDOW_EXE}" "" "$INSTDIR\${WINDOW_EXE}" 0

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${WINDOW_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; The program only: C:\ProgramData\StationDesk (the archive, its backups and
  ; keys) stays, whatever the uninstaller is asked.
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${WINDOW_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP_KEY}"
SectionEnd
