@echo off
rem Builds Vitalis when it is missing, then runs it with the arguments given.
setlocal enabledelayedexpansion
cd /d "%~dp0"
if not exist target\vitalis.jar (
  echo vitalis: building ^(first start^)... 1>&2
  call mvnw.cmd -B -q -ntp -DskipTests package || exit /b 1
)
set FX=
for %%f in (target\lib\javafx-*-win.jar) do set FX=!FX!;%%f
set CP=target\vitalis.jar
for %%f in (target\lib\*.jar) do (
  echo %%~nxf | findstr /b "javafx-" >nul || set CP=!CP!;%%f
)
java --module-path "!FX:~1!" --add-modules javafx.controls --enable-native-access=javafx.graphics,ALL-UNNAMED -cp "!CP!" org.vitalis.app.Main %*
