; Per-user Windows installer of the one-folder build (no administrator rights needed).
; On Windows, after ./dev bundle (Git Bash) or the same PyInstaller command:
;   makensis /DVERSION=0.1.0 packaging\installer.nsi
; Installs into %LOCALAPPDATA%\Programs\Frontline Atlas, adds a Start-menu shortcut, and lists
; the app under "Open with" for the map file types of filetypes.nsh (generated from
; ui/file_types.py by packaging/platform_files.py). It takes over no default: only .frontline,
; the app's own project file, opens with it by double-click. The uninstaller removes exactly
; those keys and files.
Unicode true

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST
  !define DIST "..\dist\frontline-atlas"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\frontline-atlas-${VERSION}-setup.exe"
!endif
!define APP_NAME "Frontline Atlas"
!define EXE "frontline-atlas.exe"
!define CLASSES "Software\Classes"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\frontline-atlas"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
SetCompressor /SOLID lzma
Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

; A ProgID that opens the file with the app: FrontlineAtlas.<ext>.
!macro ProgId EXT DESC
  WriteRegStr HKCU "${CLASSES}\FrontlineAtlas.${EXT}" "" "${DESC}"
  WriteRegStr HKCU "${CLASSES}\FrontlineAtlas.${EXT}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${CLASSES}\FrontlineAtlas.${EXT}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\SupportedTypes" ".${EXT}" ""
!macroend

; The app's own type: the app is its default handler.
!macro OwnType EXT DESC MIME
  !insertmacro ProgId "${EXT}" "${DESC}"
  WriteRegStr HKCU "${CLASSES}\.${EXT}" "" "FrontlineAtlas.${EXT}"
  WriteRegStr HKCU "${CLASSES}\.${EXT}" "Content Type" "${MIME}"
!macroend
!macro UnregisterOwnType EXT DESC MIME
  DeleteRegKey HKCU "${CLASSES}\FrontlineAtlas.${EXT}"
  ReadRegStr $0 HKCU "${CLASSES}\.${EXT}" ""
  StrCmp $0 "FrontlineAtlas.${EXT}" 0 +2
    DeleteRegKey HKCU "${CLASSES}\.${EXT}"
!macroend

; Another program's type: only an "Open with" choice; the default value stays untouched.
!macro OpenWithType EXT DESC MIME
  !insertmacro ProgId "${EXT}" "${DESC}"
  WriteRegStr HKCU "${CLASSES}\.${EXT}\OpenWithProgids" "FrontlineAtlas.${EXT}" ""
!macroend
!macro UnregisterOpenWithType EXT DESC MIME
  DeleteRegKey HKCU "${CLASSES}\FrontlineAtlas.${EXT}"
  DeleteRegValue HKCU "${CLASSES}\.${EXT}\OpenWithProgids" "FrontlineAtlas.${EXT}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.${EXT}"
!macroend

!include "filetypes.nsh"

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  !insertmacro RegisterFileTypes
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  !insertmacro UnregisterFileTypes
  DeleteRegKey HKCU "${CLASSES}\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
